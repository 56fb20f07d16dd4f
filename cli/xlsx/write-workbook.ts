// Saves a workbook, creating the folder, with failures said in vi and en (exit 73). With
// `overwrite: false` an existing file is never replaced: the file is created exclusively ("wx"), so even
// a file that appears between a check and the write is kept.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Workbook } from "exceljs";
import { CliError, EXIT } from "../errors.ts";

export interface WriteOptions {
  /** Replace an existing file (default true); false refuses, naming the flag that allows it. */
  overwrite?: boolean;
  /** The flag that allows overwriting, for the message (default --force). */
  forceFlag?: string;
  /** The name to show for the file (default: its path). */
  display?: string;
}

export async function writeWorkbook(wb: Workbook, file: string, opts: WriteOptions = {}): Promise<void> {
  const shown = opts.display ?? file;
  try {
    await mkdir(dirname(file), { recursive: true });
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    await writeFile(file, bytes, { flag: opts.overwrite === false ? "wx" : "w" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") {
      const flag = opts.forceFlag ?? "--force";
      throw new CliError(
        `Đã có tệp ${shown}: không ghi đè lên (có thể là báo cáo đã điền). Chọn tên khác bằng --out, hoặc thêm ${flag} nếu thật sự muốn thay tệp đó.`,
        `${shown} already exists and was not overwritten (it may be a filled report). Choose another name with --out, or add ${flag} to replace it.`,
        EXIT.cantWrite,
      );
    }
    const why = e instanceof Error ? e.message : String(e);
    throw new CliError(
      `Không ghi được tệp ${shown} (${why}): kiểm tra thư mục, quyền ghi, và đóng tệp nếu đang mở trong Excel.`,
      `Cannot write ${shown} (${why}): check the folder and permissions, and close the file if Excel has it open.`,
      EXIT.cantWrite,
    );
  }
}

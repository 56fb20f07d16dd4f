// Saves a workbook, creating the folder, with failures said in vi and en (exit 73).
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { Workbook } from "exceljs";
import { CliError, EXIT } from "../errors.ts";

export async function writeWorkbook(wb: Workbook, file: string): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
    await wb.xlsx.writeFile(file);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new CliError(
      `Không ghi được tệp ${file} (${why}): kiểm tra thư mục, quyền ghi, và đóng tệp nếu đang mở trong Excel.`,
      `Cannot write ${file} (${why}): check the folder and permissions, and close the file if Excel has it open.`,
      EXIT.cantWrite,
    );
  }
}

// Reads a CSV file as UTF-8 records; a missing, unreadable, non-UTF-8 or badly quoted file is an
// UnreadableFileError (exit 2) saying how to fix it.
import { readFile } from "node:fs/promises";
import { CsvError, type CsvRecord, parseCsv } from "../csv.ts";
import { UnreadableFileError } from "../errors.ts";

export async function readCsv(file: string): Promise<CsvRecord[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw code === "ENOENT"
      ? new UnreadableFileError(
          file,
          "không tìm thấy tệp: kiểm tra đường dẫn.",
          "file not found: check the path.",
        )
      : new UnreadableFileError(
          file,
          `không đọc được tệp (${(e as Error).message}).`,
          `cannot read it (${(e as Error).message}).`,
        );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new UnreadableFileError(
      file,
      'tệp không phải UTF-8: trong Excel chọn "Lưu thành" → "CSV UTF-8 (Comma delimited)".',
      'the file is not UTF-8: in Excel use "Save As" → "CSV UTF-8 (Comma delimited)".',
    );
  }
  try {
    return parseCsv(text);
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    throw new UnreadableFileError(
      file,
      `dòng ${e.line}: dấu ngoặc kép chưa đóng — kiểm tra trường bắt đầu bằng " ở dòng này.`,
      `line ${e.line}: unterminated quote — check the field starting with " on that line.`,
    );
  }
}

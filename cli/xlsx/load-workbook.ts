// Opens an .xlsx file with ExcelJS, turning every way a file can be wrong (missing, old .xls, encrypted,
// a text file renamed, a damaged zip) into an UnreadableFileError that says what to do, never a stack.
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { UnreadableFileError } from "../errors.ts";

/** Far above any report; a larger file is not one and would only exhaust memory. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

const SAVE_AS =
  "mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dưới dạng Excel Workbook (.xlsx)|open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx)";

function unreadable(file: string, vi: string, en: string): UnreadableFileError {
  const [sVi, sEn] = SAVE_AS.split("|") as [string, string];
  return new UnreadableFileError(file, `${vi}: ${sVi}.`, `${en}: ${sEn}.`);
}

function ioError(file: string, e: unknown): UnreadableFileError {
  const code = (e as { code?: string }).code;
  if (code === "ENOENT") {
    return new UnreadableFileError(
      file,
      "không tìm thấy tệp: kiểm tra lại đường dẫn và tên tệp.",
      "file not found: check the path and the file name.",
    );
  }
  if (code === "EISDIR") {
    return new UnreadableFileError(
      file,
      "đây là thư mục, không phải tệp .xlsx.",
      "this is a folder, not an .xlsx file.",
    );
  }
  if (code === "EACCES" || code === "EPERM") {
    return new UnreadableFileError(
      file,
      "không có quyền đọc tệp: kiểm tra quyền truy cập hoặc đóng chương trình đang khóa tệp.",
      "permission denied: check the file's permissions or close the program that locks it.",
    );
  }
  const why = e instanceof Error ? e.message : String(e);
  return new UnreadableFileError(file, `không đọc được tệp (${why}).`, `cannot read the file (${why}).`);
}

/** What the first bytes say the file is, when it is not a zip (an .xlsx is always a zip). */
function sniff(file: string, bytes: Buffer): UnreadableFileError | undefined {
  if (bytes.length === 0) return unreadable(file, "tệp rỗng (0 byte)", "the file is empty (0 bytes)");
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    return unreadable(
      file,
      "đây là tệp Excel 97–2003 (.xls) hoặc tệp .xlsx có đặt mật khẩu (nếu có mật khẩu, gỡ mật khẩu trước)",
      "this is an Excel 97–2003 (.xls) file or a password-protected .xlsx (remove the password first if it has one)",
    );
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    // Text has no control bytes but tab, line feed, form feed and carriage return.
    const head = bytes.subarray(0, 512);
    const looksText = !head.some((b) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d);
    return looksText
      ? unreadable(
          file,
          "đây là tệp văn bản (CSV/TXT?) chứ không phải sổ tính .xlsx",
          "this is a text file (CSV/TXT?), not an .xlsx workbook",
        )
      : unreadable(file, "đây không phải sổ tính .xlsx", "this is not an .xlsx workbook");
  }
  return undefined;
}

/** `display` is how messages name the file (the path as the user typed it). */
export async function loadWorkbook(path: string, display = path): Promise<ExcelJS.Workbook> {
  const file = display;
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw ioError(file, e);
  }
  if (bytes.length > MAX_FILE_BYTES) {
    throw new UnreadableFileError(
      file,
      `tệp quá lớn (${Math.round(bytes.length / 1e6)} MB) để là một báo cáo: kiểm tra lại tệp.`,
      `the file is too large (${Math.round(bytes.length / 1e6)} MB) to be a report: check the file.`,
    );
  }
  const wrong = sniff(file, bytes);
  if (wrong) throw wrong;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
    throw unreadable(
      file,
      `tệp bị hỏng hoặc không phải .xlsx (${why})`,
      `the file is damaged or not an .xlsx (${why})`,
    );
  }
  if (wb.worksheets.length === 0) {
    throw unreadable(file, "tệp không có trang tính nào", "the workbook has no worksheets");
  }
  return wb;
}

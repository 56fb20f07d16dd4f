import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UnreadableFileError } from "../errors.ts";
import { CLEAN, tempDir, writeFilled } from "../testing/fixtures.ts";
import { loadWorkbook } from "./load-workbook.ts";

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function failure(path: string): Promise<UnreadableFileError> {
  try {
    await loadWorkbook(path, "bao-cao.xlsx");
  } catch (e) {
    if (e instanceof UnreadableFileError) return e;
    throw e;
  }
  throw new Error("loaded");
}

describe("loadWorkbook", () => {
  it("opens a real workbook", async () => {
    const path = join(dir, "ok.xlsx");
    await writeFilled(path, CLEAN);
    const wb = await loadWorkbook(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Báo cáo", "_baocao"]);
  });

  it("says a text file renamed .xlsx is a text file, and what to do", async () => {
    const path = join(dir, "csv.xlsx");
    writeFileSync(path, "code,name\nSL,Tỉnh đoàn\n");
    const e = await failure(path);
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe(
      "bao-cao.xlsx: đây là tệp văn bản (CSV/TXT?) chứ không phải sổ tính .xlsx: mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dưới dạng Excel Workbook (.xlsx).\n" +
        "bao-cao.xlsx: this is a text file (CSV/TXT?), not an .xlsx workbook: open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx).",
    );
  });

  it("says a truncated workbook is damaged", async () => {
    const good = join(dir, "good.xlsx");
    await writeFilled(good, CLEAN);
    const path = join(dir, "truncated.xlsx");
    const bytes = readFileSync(good);
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const e = await failure(path);
    expect(e.message).toMatch(/^bao-cao\.xlsx: tệp bị hỏng hoặc không phải \.xlsx \(/);
    expect(e.message).toMatch(
      /\nbao-cao\.xlsx: the file is damaged or not an \.xlsx \(.*\): open it in Excel/,
    );
  });

  it("says a zip with garbage inside is damaged", async () => {
    const path = join(dir, "garbage.xlsx");
    const bytes = Buffer.alloc(2048, 0x41);
    bytes.write("PK\u0003\u0004", 0, "latin1");
    writeFileSync(path, bytes);
    expect((await failure(path)).message).toMatch(/damaged or not an \.xlsx/);
  });

  it("recognises old .xls and encrypted files, empty files and missing files", async () => {
    const xls = join(dir, "old.xls");
    writeFileSync(
      xls,
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
    );
    expect((await failure(xls)).message).toMatch(/Excel 97–2003 \(\.xls\).*password-protected/);
    const empty = join(dir, "empty.xlsx");
    writeFileSync(empty, "");
    expect((await failure(empty)).message).toMatch(/the file is empty/);
    expect((await failure(join(dir, "nope.xlsx"))).message).toMatch(/file not found: check the path/);
    expect((await failure(dir)).message).toMatch(/this is a folder/);
  });
});

import { describe, expect, it } from "vitest";
import { CsvError, parseCsv } from "./csv.ts";

describe("parseCsv", () => {
  it("reads quoted fields with commas, quotes and line breaks, CRLF and a BOM", () => {
    const text =
      '\uFEFFcode,name,parent\r\nSL,"Tỉnh đoàn Sơn La, tỉnh ""Sơn La""",\r\nSL.A,"Dòng 1\r\nDòng 2",SL\r\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ["code", "name", "parent"] },
      { line: 2, fields: ["SL", 'Tỉnh đoàn Sơn La, tỉnh "Sơn La"', ""] },
      { line: 3, fields: ["SL.A", "Dòng 1\r\nDòng 2", "SL"] },
    ]);
  });

  it("numbers records by the line they start on, skipping blank lines", () => {
    expect(parseCsv('a,b\n\n"x\ny",z\nlast,1').map((r) => r.line)).toEqual([1, 3, 5]);
  });

  it('takes ";" as the separator when the first line has ";" and no ","', () => {
    expect(parseCsv("mã;tên;cấp trên\nSL;Tỉnh đoàn, Sơn La;\n")).toEqual([
      { line: 1, fields: ["mã", "tên", "cấp trên"] },
      { line: 2, fields: ["SL", "Tỉnh đoàn, Sơn La", ""] },
    ]);
  });

  it("refuses an unterminated quote, naming its line", () => {
    expect(() => parseCsv('a,b\nSL,"Tỉnh đoàn\n')).toThrow(CsvError);
    try {
      parseCsv('a,b\nSL,"Tỉnh đoàn\n');
    } catch (e) {
      expect((e as CsvError).line).toBe(2);
    }
  });
});

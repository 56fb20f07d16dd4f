import { describe, expect, it } from "vitest";
import { parseCsv } from "../csv.ts";
import { unitsFromCsv } from "./import-csv.ts";

describe("unitsFromCsv", () => {
  it("reads from/to columns as ISO days, from ISO or dd/mm/yyyy, and leaves them out when blank", () => {
    const out = unitsFromCsv(
      parseCsv(
        "code,name,parent,kind,from,to\n" +
          "SL,Tỉnh đoàn Sơn La,,tinh,,\n" +
          "SL.MAISON,Huyện đoàn Mai Sơn,SL,huyen,,01/07/2025\n" +
          "SL.CHIENGMAI,Đoàn xã Chiềng Mai,SL,xa,2025-07-01,\n",
      ),
    );
    expect(out.problems).toEqual([]);
    expect(out.units).toEqual([
      { code: "SL", name: "Tỉnh đoàn Sơn La", parent: null, kind: "tinh" },
      { code: "SL.MAISON", name: "Huyện đoàn Mai Sơn", parent: "SL", kind: "huyen", to: "2025-07-01" },
      { code: "SL.CHIENGMAI", name: "Đoàn xã Chiềng Mai", parent: "SL", kind: "xa", from: "2025-07-01" },
    ]);
    expect(out.lines).toEqual([2, 3, 4]);
  });

  it("reads the cụm thi đua column: a name sets it, a dash clears it, a blank leaves it as stored", () => {
    const out = unitsFromCsv(
      parseCsv(
        "Mã;Tên;Cấp trên;Cụm thi đua\n" +
          "SL.A;Đoàn A;SL;Cụm 1 – vùng cao\n" +
          "SL.B;Đoàn B;SL;-\n" +
          "SL.C;Đoàn C;SL;\n",
      ),
    );
    expect(out.problems).toEqual([]);
    expect(out.units).toEqual([
      { code: "SL.A", name: "Đoàn A", parent: "SL", cluster: "Cụm 1 – vùng cao" },
      { code: "SL.B", name: "Đoàn B", parent: "SL", cluster: null },
      { code: "SL.C", name: "Đoàn C", parent: "SL" },
    ]);
    const long = unitsFromCsv(parseCsv(`code,name,parent,cluster\nSL.A,Đoàn A,SL,${"x".repeat(101)}\n`));
    expect(long.problems).toEqual([
      'dòng 2, cột "cluster" (D) / line 2, column "cluster" (D): tên cụm dài quá 100 ký tự / the cluster is over 100 characters',
    ]);
  });

  it("takes Vietnamese headers for the dates", () => {
    const out = unitsFromCsv(parseCsv("Mã;Tên;Cấp trên;Từ ngày;Đến ngày\nSL.A;Đoàn A;SL;1/7/2025;\n"));
    expect(out.units).toEqual([{ code: "SL.A", name: "Đoàn A", parent: "SL", from: "2025-07-01" }]);
  });

  it("names the line and column of a bad date, an end before the start, a bad code, a duplicate", () => {
    const out = unitsFromCsv(
      parseCsv(
        "code,name,parent,kind,from,to\n" +
          "SL.A,Đoàn A,SL,,31/02/2025,\n" +
          "SL.B,Đoàn B,SL,,2025-07-01,2025-01-01\n" +
          "sl c,Đoàn C,SL,,,\n" +
          "SL.D,Đoàn D,SL,,,\n" +
          "SL.D,Đoàn D2,SL,,,\n",
      ),
    );
    expect(out.problems).toEqual([
      'dòng 2, cột "from" (E) / line 2, column "from" (E): ngày "31/02/2025" không hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd) / date "31/02/2025" is not valid (dd/mm/yyyy or yyyy-mm-dd)',
      'dòng 3, cột "to" (F) / line 3, column "to" (F): ngày kết thúc phải sau ngày bắt đầu / the end date must come after the start date',
      'dòng 4, cột "code" (A) / line 4, column "code" (A): mã "sl c" không hợp lệ (chữ in hoa không dấu, số, ".", "_", "-") / code "sl c" is not valid (capitals, digits, ".", "_", "-")',
      'dòng 6, cột "code" (A) / line 6, column "code" (A): mã "SL.D" đã có ở dòng 5 / code "SL.D" already on line 5',
    ]);
    expect(out.units.map((u) => u.code)).toEqual(["SL.D"]);
  });

  it("without a header, names columns by letter", () => {
    const out = unitsFromCsv(parseCsv("SL.A,,SL\n"));
    expect(out.problems).toEqual([
      "dòng 1, cột B / line 1, column B: thiếu tên đơn vị / the name is missing",
    ]);
  });
});

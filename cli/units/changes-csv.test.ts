import { describe, expect, it } from "vitest";
import { parseCsv } from "../csv.ts";
import { changesFromCsv } from "./changes-csv.ts";

const parse = (text: string) => changesFromCsv(parseCsv(text), "2025-07-01");

describe("changesFromCsv", () => {
  it("reads every type, groups merge lines by `into` and split lines by `unit`, keeps the file's order", () => {
    const out = parse(
      [
        "type,unit,into,name,parent,kind",
        "close,SL.MAISON,,,,",
        "merge,SL.MAISON.CHIENGMAI,SL.CHIENGMAI,Đoàn xã Chiềng Mai,SL,xa",
        "move,SL.DKCQDN,SL,,,",
        "merge,SL.MAISON.CHIENGBAN,SL.CHIENGMAI,,,",
        "merge,BK,TN,,,",
        "split,SL.X,SL.X1,Đoàn xã X1,SL,xa",
        "split,SL.X,SL.X2,Đoàn xã X2,SL,",
        'rename,SL.TPSL,,"Thành đoàn Sơn La, mới",,',
      ].join("\n"),
    );
    expect(out.problems).toEqual([]);
    expect(out.body).toEqual({
      effective: "2025-07-01",
      changes: [
        { type: "close", unit: "SL.MAISON" },
        {
          type: "merge",
          from: ["SL.MAISON.CHIENGMAI", "SL.MAISON.CHIENGBAN"],
          into: { code: "SL.CHIENGMAI", name: "Đoàn xã Chiềng Mai", parent: "SL", kind: "xa" },
        },
        { type: "move", unit: "SL.DKCQDN", parent: "SL" },
        { type: "merge", from: ["BK"], into: "TN" },
        {
          type: "split",
          from: "SL.X",
          into: [
            { code: "SL.X1", name: "Đoàn xã X1", parent: "SL", kind: "xa" },
            { code: "SL.X2", name: "Đoàn xã X2", parent: "SL" },
          ],
        },
        { type: "rename", unit: "SL.TPSL", name: "Thành đoàn Sơn La, mới" },
      ],
    });
    expect(out.lines).toEqual([[2], [3, 5], [4], [6], [7, 8], [9]]);
  });

  it("takes Vietnamese headers and types, ';' as separator, and several codes in one merge cell", () => {
    const out = parse(
      [
        "Thay đổi;Đơn vị;Vào;Tên;Cấp trên",
        "Sáp nhập;SL.A SL.B+SL.C;SL.ABC;Đoàn xã ABC;SL",
        "giải thể;SL.H;;;",
        "Chuyển;SL.K;;;SL",
        "Đổi tên;SL.T;;Tên mới;",
      ].join("\r\n"),
    );
    expect(out.problems).toEqual([]);
    expect(out.body.changes).toEqual([
      {
        type: "merge",
        from: ["SL.A", "SL.B", "SL.C"],
        into: { code: "SL.ABC", name: "Đoàn xã ABC", parent: "SL" },
      },
      { type: "close", unit: "SL.H" },
      { type: "move", unit: "SL.K", parent: "SL" },
      { type: "rename", unit: "SL.T", name: "Tên mới" },
    ]);
  });

  it("reads a file without a header in the order type, unit, into, name, parent, kind", () => {
    const out = parse("close,SL.H\nmove,SL.K,SL\n");
    expect(out.problems).toEqual([]);
    expect(out.body.changes).toEqual([
      { type: "close", unit: "SL.H" },
      { type: "move", unit: "SL.K", parent: "SL" },
    ]);
    expect(out.lines).toEqual([[1], [2]]);
  });

  it("names the line and the column of every bad row, in Vietnamese and English", () => {
    const out = parse(
      [
        "type,unit,into,name,parent",
        "dissolve,SL.A,,,",
        "close,sl a,,,",
        "move,SL.B,,,",
        "rename,SL.C,,,",
        "merge,SL.D,SL.NEW,Đoàn xã mới,",
        "split,SL.E,SL.E1,Một,SL",
        "close,SL.F,SL.G,,",
        "move,SL.H SL.I,SL,,",
      ].join("\n"),
    );
    expect(out.problems).toEqual([
      expect.stringMatching(
        /^dòng 2, cột "type" \(A\) \/ line 2, column "type" \(A\): loại thay đổi "dissolve" không rõ .* \/ unknown change type "dissolve"/,
      ),
      expect.stringMatching(
        /^dòng 3, cột "unit" \(B\) \/ line 3, column "unit" \(B\): mã đơn vị "sl a" không hợp lệ .* \/ unit code "sl a" is not valid/,
      ),
      'dòng 4, cột "into" (C) / line 4, column "into" (C): thiếu mã cấp trên mới / the new parent code is missing',
      'dòng 5, cột "name" (D) / line 5, column "name" (D): thiếu tên mới / the new name is missing',
      `dòng 6, cột "parent" (E) / line 6, column "parent" (E): thiếu mã cấp trên của đơn vị mới / the new unit's parent is missing`,
      'dòng 8, cột "into" (C) / line 8, column "into" (C): "close" không dùng cột này, hãy để trống / "close" does not use this column: leave it blank',
      expect.stringMatching(/^dòng 9, cột "unit" \(B\) .*: mã đơn vị "SL.H SL.I" không hợp lệ/),
      expect.stringMatching(
        /^dòng 7, cột "into" \(C\) .*: chia tách cần ít nhất 2 đơn vị mới .* \/ a split needs at least 2 new units/,
      ),
    ]);
  });

  it("refuses a merge target described twice with different names, naming both lines", () => {
    const out = parse(
      "type,unit,into,name,parent\nmerge,SL.A,SL.N,Đoàn xã N,SL\nmerge,SL.B,SL.N,Đoàn xã Khác,SL\n",
    );
    expect(out.problems).toEqual([
      expect.stringContaining(
        'dòng 3, cột "name" (D) / line 3, column "name" (D): đơn vị SL.N đã được mô tả khác ở dòng 2',
      ),
    ]);
  });

  it("says so when the file holds no change", () => {
    expect(parse("type,unit,into,name\n").problems).toEqual([
      "tệp không có thay đổi nào / the file holds no change",
    ]);
  });
});

import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_FILL, WARNING_FILL } from "../../shared/plans/marks.ts";
import { argb } from "../../shared/xlsx/render-plan.ts";
import { run } from "../main.ts";
import { at, CLEAN, captureIo, tempDir, writeFilled } from "../testing/fixtures.ts";
import { loadWorkbook } from "../xlsx/load-workbook.ts";

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The demo's mistakes: a thousands-dotted number as text, a number with its unit, a part above its whole. */
const MISTAKES = {
  ...CLEAN,
  [at("PT01")]: "92.387",
  [at("XD01")]: "12 người",
  [at("GD02")]: 130,
};

beforeAll(async () => {
  await writeFilled(join(dir, "clean.xlsx"), CLEAN);
  // XD03 > XD02 is only a warning.
  await writeFilled(
    join(dir, "warning.xlsx"),
    { ...CLEAN, [at("XD02")]: 5, [at("XD03")]: 6 },
    { unitCode: "SL.B" },
  );
  await writeFilled(join(dir, "mistakes.xlsx"), MISTAKES, { unitCode: "SL.C" });
  writeFileSync(join(dir, "notes.xlsx"), "đây là ghi chú, không phải Excel\n");
});

describe("baocao validate", () => {
  it("exits 0 on a clean file", async () => {
    const c = captureIo(dir);
    expect(await run(["validate", "clean.xlsx"], c.io)).toBe(0);
    expect(c.out()).toContain("✓ clean.xlsx");
    expect(c.out()).toContain("Không có lỗi / No issues");
  });

  it("exits 0 when there are only warnings, and shows them", async () => {
    const c = captureIo(dir);
    expect(await run(["validate", "warning.xlsx"], c.io)).toBe(0);
    expect(c.out()).toContain(`! Cảnh báo: Ô ${at("XD03")} (XD03`);
    expect(c.out()).toContain("0 lỗi, 1 cảnh báo / 0 error(s), 1 warning(s)");
  });

  it("exits 1 on errors, each with its cell, message and fix", async () => {
    const c = captureIo(dir);
    expect(await run(["validate", "mistakes.xlsx"], c.io)).toBe(1);
    const out = c.out();
    expect(out).toContain(`✗ Lỗi: Ô ${at("PT01")} (PT01 – Số lượt ĐVTN tham gia các hoạt động, phong trào)`);
    expect(out).toContain("→ sửa thành 92387");
    expect(out).toContain(`✗ Lỗi: Ô ${at("XD01")} (XD01`);
    expect(out).toContain("→ sửa thành 12");
    expect(out).toContain(`✗ Lỗi: Ô ${at("GD02")} (GD02`);
    expect(out).toContain("3 lỗi, 0 cảnh báo / 3 error(s), 0 warning(s)");
    expect(out).toContain('apply the "→" fixes: baocao fix mistakes.xlsx --out mistakes-da-sua.xlsx');
    // The CLI has no "Sửa" button: its messages name its own command.
    expect(out).toContain("Chạy baocao fix để đổi thành số 92387");
    expect(out).not.toContain("Bấm Sửa");
  });

  it("speaks English with --lang en", async () => {
    const c = captureIo(dir);
    expect(await run(["validate", "mistakes.xlsx", "--lang", "en"], c.io)).toBe(1);
    expect(c.out()).toContain(
      `✗ Error: Cell ${at("PT01")} (PT01 – Participations in activities and movements)`,
    );
    expect(c.out()).toContain("→ fix 92387");
  });

  it("exits 2 on a corrupted file and on a text file renamed .xlsx, with a message and no stack", async () => {
    const good = captureIo(dir);
    await run(["validate", "clean.xlsx"], good.io);
    writeFileSync(join(dir, "broken.xlsx"), Buffer.from("PK\u0003\u0004 not really a zip", "latin1"));
    const c = captureIo(dir);
    expect(await run(["validate", "broken.xlsx"], c.io)).toBe(2);
    expect(c.out()).toContain("✗ broken.xlsx");
    expect(c.out()).toContain("tệp bị hỏng hoặc không phải .xlsx");
    expect(c.out()).toContain("the file is damaged or not an .xlsx");
    const t = captureIo(dir);
    expect(await run(["validate", "notes.xlsx"], t.io)).toBe(2);
    expect(t.out()).toContain("this is a text file (CSV/TXT?), not an .xlsx workbook");
    expect(c.out() + c.err() + t.out() + t.err()).not.toMatch(/\n\s+at /);
  });

  it("--json gives every file with its issues, cells, severities, messages and fixes", async () => {
    const c = captureIo(dir);
    expect(await run(["validate", "--json", "mistakes.xlsx", "notes.xlsx", "clean.xlsx"], c.io)).toBe(2);
    const json = JSON.parse(c.out());
    expect(json.exitCode).toBe(2);
    expect(json.files.map((f: { file: string; status: string }) => [f.file, f.status])).toEqual([
      ["mistakes.xlsx", "errors"],
      ["notes.xlsx", "unreadable"],
      ["clean.xlsx", "ok"],
    ]);
    const m = json.files[0];
    expect(m).toMatchObject({
      sheet: "Báo cáo",
      otherSheets: [],
      unit: "SL.C",
      period: "2023",
      template: "doan-2024 v1",
      errors: 3,
      warnings: 0,
    });
    expect(m.issues[0]).toEqual({
      sheet: "Báo cáo",
      cell: at("GD02"),
      severity: "error",
      code: "rule.compare",
      indicator: "GD02",
      field: "actual",
      rule: "GD02<=GD01",
      message: expect.stringContaining(`Ô ${at("GD02")} (GD02`),
      i18n: { vi: expect.any(String), en: expect.stringContaining(`Cell ${at("GD02")}`) },
      fix: null,
    });
    expect(m.issues.find((i: { cell: string }) => i.cell === at("PT01"))).toMatchObject({
      code: "cell.text_number",
      fix: { value: 92387 },
    });
    expect(json.files[1].error).toContain("notes.xlsx: ");
  });

  it("--annotate writes a copy with the problem cells filled and noted", async () => {
    const c = captureIo(dir);
    expect(await run(["validate", "mistakes.xlsx", "warning.xlsx", "--annotate", "marked"], c.io)).toBe(1);
    expect(c.out()).toContain(`Bản đánh dấu / Annotated copy: ${join("marked", "mistakes.xlsx")}`);
    const ws = (await loadWorkbook(join(dir, "marked", "mistakes.xlsx"))).getWorksheet("Báo cáo")!;
    const pt01 = ws.getCell(at("PT01"));
    expect(pt01.fill).toMatchObject({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: argb(ERROR_FILL) },
    });
    expect(JSON.stringify(pt01.note)).toContain("92.387");
    expect(ws.getCell(at("PT03")).note).toBeUndefined();
    const warned = (await loadWorkbook(join(dir, "marked", "warning.xlsx"))).getWorksheet("Báo cáo")!;
    expect(warned.getCell(at("XD03")).fill).toMatchObject({ fgColor: { argb: argb(WARNING_FILL) } });
    // The user's files are untouched.
    const original = (await loadWorkbook(join(dir, "mistakes.xlsx"))).getWorksheet("Báo cáo")!;
    expect(original.getCell(at("PT01")).note).toBeUndefined();
    // Only the three cells with issues change look; cells sharing their style keep their own fill.
    const changed: string[] = [];
    original.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const after = ws.getCell(cell.address);
        if (JSON.stringify(after.fill ?? null) !== JSON.stringify(cell.fill ?? null))
          changed.push(cell.address);
      }),
    );
    expect(changed.sort()).toEqual([at("GD02"), at("PT01"), at("XD01")].sort());
  });

  it("ends many files with a summary table, and draws a progress bar only on a terminal", async () => {
    const files = ["clean.xlsx", "warning.xlsx", "mistakes.xlsx", "notes.xlsx"];
    const c = captureIo(dir);
    expect(await run(["validate", ...files], c.io)).toBe(2);
    const table = c.out().slice(c.out().indexOf("Tệp/File"));
    expect(table.split("\n")[0]).toMatch(
      /^Tệp\/File\s+Đơn vị\/Unit\s+Kỳ\/Period\s+Lỗi\/Errors\s+Cảnh báo\/Warnings/,
    );
    expect(table).toMatch(/clean\.xlsx\s+SL\.MAISON\s+2023\s+0\s+0\s+OK/);
    expect(table).toMatch(/warning\.xlsx\s+SL\.B\s+2023\s+0\s+1\s+OK/);
    expect(table).toMatch(/mistakes\.xlsx\s+SL\.C\s+2023\s+3\s+0\s+LỖI\/ERRORS/);
    expect(table).toMatch(/notes\.xlsx\s+-\s+-\s+KHÔNG ĐỌC ĐƯỢC\/UNREADABLE/);
    expect(c.err()).toBe("");

    let drawn = "";
    const tty = captureIo(dir, { stderr: { isTTY: true, write: (s: string) => (drawn += s) } });
    await run(["validate", ...files], tty.io);
    expect(drawn).toContain("4/4");
  });

  it("without a file, says how to call it (exit 64)", async () => {
    const c = captureIo(dir);
    expect(await run(["validate"], c.io)).toBe(64);
    expect(c.err()).toContain("No file to check: baocao validate report.xlsx (see --help).");
  });
});

import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NUMBER_FORMATS, templateRows } from "../../shared/plans/template-sheet.ts";
import { run } from "../main.ts";
import {
  at,
  CLEAN,
  captureIo,
  fill,
  tempDir,
  template,
  templateWorkbook,
  writeFilled,
} from "../testing/fixtures.ts";
import { loadWorkbook } from "../xlsx/load-workbook.ts";

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  await writeFilled(join(dir, "text-numbers.xlsx"), {
    ...CLEAN,
    [at("PT01")]: "92.387",
    [at("XD01")]: "12 người",
    [at("KN02")]: "1.758",
    [at("TD01")]: "Hoàn thành xuất sắc nhiệm vụ",
  });
  await writeFilled(join(dir, "mixed.xlsx"), { ...CLEAN, [at("PT01")]: "92.387", [at("GD02")]: 130 });
  // A code deleted from column B, and a row added under the table without a code.
  const { wb, ws } = await templateWorkbook();
  fill(ws, { ...CLEAN, [at("PT02", "code")]: "" });
  ws.getCell(at("PT02", "code")).value = null;
  const below = templateRows(template).lastRow + 1;
  fill(ws, { [`C${below}`]: "Hoạt động khác: làm đường giao thông nông thôn", [`F${below}`]: 2 });
  await wb.xlsx.writeFile(join(dir, "lost-code.xlsx"));
});

describe("baocao fix", () => {
  it("writes a deleted indicator code back, and names the figure a row without a code would lose", async () => {
    const check = captureIo(dir);
    expect(await run(["validate", "lost-code.xlsx"], check.io)).toBe(1);
    const below = templateRows(template).lastRow + 1;
    expect(check.out()).toContain(`✗ Lỗi: Ô ${at("PT02", "code")} (PT02`);
    expect(check.out()).toContain("Chạy baocao fix để ghi lại mã PT02");
    expect(check.out()).toContain(
      `! Cảnh báo: Ô F${below}: Dòng ${below} ('Hoạt động khác: làm đường giao thông nông thôn') có số liệu (2) nhưng không có mã chỉ tiêu: số này sẽ không được gửi.`,
    );
    const c = captureIo(dir);
    expect(await run(["fix", "lost-code.xlsx", "--out", "code-back.xlsx"], c.io)).toBe(0);
    expect(c.out()).toContain(`  ${at("PT02", "code")} (PT02): (trống/blank) → "PT02"`);
    const ws = (await loadWorkbook(join(dir, "code-back.xlsx"))).getWorksheet("Báo cáo")!;
    expect(ws.getCell(at("PT02", "code")).value).toBe("PT02");
  });

  it("repairs text-typed numbers and spelled grades, says what changed, and checks the result", async () => {
    const c = captureIo(dir);
    expect(await run(["fix", "text-numbers.xlsx", "--out", "fixed.xlsx"], c.io)).toBe(0);
    const out = c.out();
    expect(out).toContain(`  ${at("PT01")} (PT01): "92.387" → 92387`);
    expect(out).toContain(`  ${at("XD01")} (XD01): "12 người" → 12`);
    expect(out).toContain(`  ${at("KN02")} (KN02): "1.758" → 1758`);
    expect(out).toContain(`  ${at("TD01")} (TD01): "Hoàn thành xuất sắc nhiệm vụ" → "XS"`);
    expect(out).toContain("Written: fixed.xlsx (4 ô đã sửa / cell(s) fixed)");
    expect(out).toContain("Checked again: no issues left");
    const ws = (await loadWorkbook(join(dir, "fixed.xlsx"))).getWorksheet("Báo cáo")!;
    expect(ws.getCell(at("PT01")).value).toBe(92387);
    expect(ws.getCell(at("PT01")).numFmt).toBe(NUMBER_FORMATS.count);
    expect(ws.getCell(at("TD01")).value).toBe("XS");
    // The original is left as it was.
    const before = (await loadWorkbook(join(dir, "text-numbers.xlsx"))).getWorksheet("Báo cáo")!;
    expect(before.getCell(at("PT01")).value).toBe("92.387");
  });

  it("leaves what needs a person, lists it, and exits 1", async () => {
    const c = captureIo(dir);
    expect(await run(["fix", "mixed.xlsx", "--out", "mixed-fixed.xlsx", "--lang", "en"], c.io)).toBe(1);
    expect(c.out()).toContain(`  ${at("PT01")} (PT01): "92.387" → 92387`);
    expect(c.out()).toContain("Checked again: 1 error(s), 0 warning(s) need a person");
    expect(c.out()).toContain(`✗ Cell ${at("GD02")} (GD02 – Officers who studied the resolutions)`);
  });

  it("refuses to overwrite its input and needs --out", async () => {
    const same = captureIo(dir);
    expect(await run(["fix", "mixed.xlsx", "--out", "./mixed.xlsx"], same.io)).toBe(64);
    expect(same.err()).toContain("--out must differ from the input");
    const none = captureIo(dir);
    expect(await run(["fix", "mixed.xlsx"], none.io)).toBe(64);
    expect(none.err()).toContain("Missing --out");
  });
});

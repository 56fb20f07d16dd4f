import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkSheet } from "../../shared/check.ts";
import { readProperties } from "../../shared/xlsx/properties.ts";
import { run } from "../main.ts";
import { captureIo, tempDir, template } from "../testing/fixtures.ts";
import { loadWorkbook } from "../xlsx/load-workbook.ts";
import { pickSheet } from "../xlsx/pick-sheet.ts";

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("baocao template", () => {
  it("writes the blank template that reads back with every row, the header and the stored template id", async () => {
    const c = captureIo(dir);
    const code = await run(
      [
        "template",
        "--unit",
        "SL.MAISON",
        "--period",
        "2023",
        "--name",
        "Huyện đoàn Mai Sơn",
        "--out",
        "mau.xlsx",
      ],
      c.io,
    );
    expect(code).toBe(0);
    expect(c.out()).toContain(`Template written: ${join(dir, "mau.xlsx")}`);
    const wb = await loadWorkbook(join(dir, "mau.xlsx"));
    const check = checkSheet(pickSheet(wb).grid);
    expect(check.located.rows.map((r) => r.code)).toEqual(template.indicators.map((i) => i.code));
    expect(check.located.header).toMatchObject({
      unitName: "Huyện đoàn Mai Sơn",
      unitCode: "SL.MAISON",
      period: "2023",
      templateId: "doan-2024",
      templateVersion: 1,
    });
    // A blank template is not a report yet: the required rows say so.
    expect(check.issues.map((i) => i.code)).toEqual(["rule.required_missing", "rule.required_missing"]);
    expect(readProperties(wb)).toMatchObject({ "baocao.template": "doan-2024", "baocao.version": "1" });
  });

  it("never overwrites an existing file (exit 73, saying so) unless --force", async () => {
    const first = captureIo(dir);
    expect(
      await run(["template", "--unit", "SL.MAISON", "--period", "2024", "--out", "filled.xlsx"], first.io),
    ).toBe(0);
    const filled = await loadWorkbook(join(dir, "filled.xlsx"));
    filled.getWorksheet("Báo cáo")!.getCell("F20").value = 92387;
    await filled.xlsx.writeFile(join(dir, "filled.xlsx"));
    const again = captureIo(dir);
    expect(
      await run(["template", "--unit", "SL.MAISON", "--period", "2024", "--out", "filled.xlsx"], again.io),
    ).toBe(73);
    expect(again.err()).toContain("Đã có tệp");
    expect(again.err()).toContain("add --force to replace it");
    expect((await loadWorkbook(join(dir, "filled.xlsx"))).getWorksheet("Báo cáo")!.getCell("F20").value).toBe(
      92387,
    );
    const forced = captureIo(dir);
    const args = ["template", "--unit", "SL.MAISON", "--period", "2024", "--out", "filled.xlsx", "--force"];
    expect(await run(args, forced.io)).toBe(0);
    expect(
      (await loadWorkbook(join(dir, "filled.xlsx"))).getWorksheet("Báo cáo")!.getCell("F20").value,
    ).toBeNull();
  });

  it("reads the unit code case-insensitively and writes it upper-case", async () => {
    const c = captureIo(dir);
    expect(await run(["template", "--unit", "sl.maison", "--period", "2025"], c.io)).toBe(0);
    const wb = await loadWorkbook(join(dir, "bao-cao-SL.MAISON-2025.xlsx"));
    expect(wb.getWorksheet("Báo cáo")!.getCell("F5").value).toBe("SL.MAISON");
  });

  it("names the file after the unit and period by default", async () => {
    const c = captureIo(dir);
    expect(await run(["template", "--unit", "SL.SOPCOP", "--period", "2023-Q3"], c.io)).toBe(0);
    await loadWorkbook(join(dir, "bao-cao-SL.SOPCOP-2023-Q3.xlsx"));
  });

  it("refuses a bad unit code, a bad period and missing arguments with exit 64 and the next step", async () => {
    const bad = captureIo(dir);
    expect(await run(["template", "--unit", "sl maison", "--period", "2023"], bad.io)).toBe(64);
    expect(bad.err()).toContain('Mã đơn vị "sl maison" không hợp lệ');
    expect(bad.err()).toContain("(e.g. SL.MAISON)");
    const period = captureIo(dir);
    expect(await run(["template", "--unit", "SL", "--period", "Q3/2023"], period.io)).toBe(64);
    expect(period.err()).toContain("use 2023, 2023-H1, 2023-Q3 or 2023-11");
    const missing = captureIo(dir);
    expect(await run(["template", "--period", "2023"], missing.io)).toBe(64);
    expect(missing.err()).toContain("Missing --unit (e.g. --unit SL.MAISON). See: baocao template --help");
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSheet } from "./check.ts";
import { parseA1 } from "./grid/address.ts";
import {
  deleteRows,
  insertColumns,
  insertRows,
  permuteRows,
  randomGrid,
  seedFill,
  setCell,
  typed,
} from "./grid/testing.ts";
import type { Grid } from "./grid/types.ts";
import { hasErrors } from "./issues.ts";
import { TEMPLATE_LAYOUT, templateCell, templateRows, templateSheetPlan } from "./plans/template-sheet.ts";
import { planToGrid } from "./plans/to-grid.ts";
import { doan2024 } from "./template/doan-2024.ts";

const t = doan2024;
const rows = templateRows(t);
const cell = (code: string, col: "target" | "actual" | "note" = "actual") => templateCell(t, code, col);
const sheet = (fill: Record<string, string | number> = {}) =>
  planToGrid(
    templateSheetPlan(t, { unitName: "Huyện đoàn Mai Sơn", unitCode: "SL.MAISON", period: "2023" }),
    {
      ...seedFill(t),
      ...fill,
    },
  );

describe("checkSheet on the seed figures", () => {
  it("finds nothing wrong and builds the report", () => {
    const check = checkSheet(sheet());
    expect(check.issues).toEqual([]);
    expect(check.report).toMatchObject({ unit: "SL.MAISON", period: "2023", template: "doan-2024" });
    const byCode = new Map(check.report!.rows.map((r) => [r.code, r]));
    expect(check.report!.rows.map((r) => r.code)).toEqual(t.indicators.map((i) => i.code));
    expect(byCode.get("PT01")).toEqual({ code: "PT01", target: null, actual: 92387 });
    expect(byCode.get("KN02")?.actual).toBe(1758);
    expect(byCode.get("KN03")?.actual).toBe(312);
    expect(byCode.get("PT06")).toEqual({ code: "PT06", target: 700, actual: 712 });
    expect(byCode.get("TD01")?.actual).toBe("XS");
    expect(byCode.get("GD03")?.actual).toBe(100);
    // Blank is not zero.
    expect(byCode.get("XD03")?.actual).toBeNull();
  });

  it("carries notes into the report", () => {
    const check = checkSheet(sheet({ [cell("PT01", "note")]: "Gồm cả hoạt động hè" }));
    expect(check.report!.rows.find((r) => r.code === "PT01")?.note).toBe("Gồm cả hoạt động hè");
  });
});

describe("checkSheet with three mistakes", () => {
  const mistakes = {
    [cell("PT01")]: "92.387", // typed as text with "." thousands
    [cell("GD02")]: 130, // more officers trained than there are (GD01 = 120)
    [cell("PT02")]: "12 người", // a unit that does not fit "công trình"
  };
  const check = checkSheet(sheet(mistakes));

  it("gives exactly those issues, at the right cells, top to bottom", () => {
    expect(check.issues.map((i) => [i.code, i.severity, i.cell, i.indicator, i.field])).toEqual([
      ["rule.compare", "error", cell("GD02"), "GD02", "actual"],
      ["cell.text_number", "error", cell("PT01"), "PT01", "actual"],
      ["cell.number_with_unit", "error", cell("PT02"), "PT02", "actual"],
    ]);
    expect(check.issues.every((i) => i.sheet === "Báo cáo")).toBe(true);
    expect(check.issues[1]?.fix).toEqual({ value: 92387 });
    expect(check.issues[0]).toMatchObject({
      rule: "GD02<=GD01",
      params: { leftValue: 130, rightValue: 120 },
    });
  });

  it("clears every error once each is fixed", () => {
    let grid: Grid = sheet(mistakes);
    // Fixes: the offered one where there is one, else what the reporter meant.
    const meant: Record<string, number> = { [cell("GD02")]: 110, [cell("PT02")]: 125 };
    for (const issue of check.issues) {
      const value = issue.fix?.value ?? meant[issue.cell!];
      expect(value, issue.code).toBeDefined();
      grid = setCell(grid, issue.cell!, value as number);
    }
    const again = checkSheet(grid);
    expect(hasErrors(again.issues)).toBe(false);
    expect(again.issues).toEqual([]);
    expect(again.report!.rows.find((r) => r.code === "PT01")?.actual).toBe(92387);
  });

  it("keeps one issue per mistake: no rule fires on an unreadable cell", () => {
    // PT03 (555) needs PT02; PT02 is unreadable, which is already reported on PT02.
    expect(check.issues.filter((i) => i.indicator === "PT02")).toHaveLength(1);
  });
});

describe("checkSheet: one mistake, one issue", () => {
  it("reports a fraction typed as a number into a count cell once, not again from the rules", () => {
    for (const field of ["actual", "target"] as const) {
      const check = checkSheet(sheet({ [cell("KN02", field)]: 12.5 }));
      expect(check.issues.map((i) => [i.code, i.cell, i.field])).toEqual([
        ["cell.fraction_in_count", cell("KN02", field), field],
      ]);
      expect(check.issues[0]?.fix).toBeUndefined();
    }
  });

  it("reads 1.758 typed as a number into a count as 1758 (en-US Excel), once, with a fix", () => {
    const check = checkSheet(sheet({ [cell("KN02")]: 1.758 }));
    expect(check.issues).toEqual([
      expect.objectContaining({
        code: "cell.fraction_in_count",
        cell: cell("KN02"),
        params: expect.objectContaining({ raw: "1.758", thousands: 1758 }),
        fix: { value: 1758 },
      }),
    ]);
    expect(check.report!.rows.find((r) => r.code === "KN02")?.actual).toBe(1758);
  });
});

describe("checkSheet places every issue on a cell", () => {
  it("flags a number typed over a ratio formula", () => {
    const check = checkSheet(sheet({ [cell("GD03")]: 95 }));
    expect(check.issues).toEqual([
      expect.objectContaining({ code: "cell.ratio_typed", severity: "warning", cell: cell("GD03") }),
    ]);
  });

  it("puts a missing required figure on its actual cell", () => {
    const check = checkSheet(sheet({ [cell("GD04")]: "", [cell("GD05")]: "" }));
    expect(check.issues).toEqual([
      expect.objectContaining({ code: "rule.required_missing", cell: cell("GD04"), indicator: "GD04" }),
    ]);
  });

  it("reports a deleted required row once, on the table header", () => {
    const check = checkSheet(deleteRows(sheet({ [cell("GD02")]: "" }), rows.indicators.get("GD01")!));
    expect(check.issues).toEqual([
      expect.objectContaining({
        code: "grid.row_missing",
        severity: "error",
        cell: `B${TEMPLATE_LAYOUT.headerRow}`,
      }),
    ]);
  });

  it("puts a rule issue about a deleted row on the table header", () => {
    // KN03 has money but the KN02 row is gone: the blank side is KN02, which is not on the sheet.
    const check = checkSheet(deleteRows(sheet(), rows.indicators.get("KN02")!));
    expect(check.issues.map((i) => [i.code, i.indicator, i.cell])).toEqual([
      ["grid.row_missing", "KN02", `B${TEMPLATE_LAYOUT.headerRow}`],
      ["rule.side_missing", "KN02", `B${TEMPLATE_LAYOUT.headerRow}`],
    ]);
  });

  it("places target issues on the target cell", () => {
    const check = checkSheet(sheet({ [cell("PT04", "target")]: "3 hoạt động" }));
    expect(check.issues).toEqual([
      expect.objectContaining({
        code: "cell.number_with_unit",
        cell: cell("PT04", "target"),
        field: "target",
      }),
    ]);
  });

  it("follows sorted rows and inserted columns", () => {
    const first = TEMPLATE_LAYOUT.firstBodyRow;
    const n = rows.lastRow - first + 1;
    const reversed = Array.from({ length: n }, (_, i) => n - 1 - i);
    let g = permuteRows(sheet({ [cell("PT01")]: "92.387" }), first, reversed);
    g = insertColumns(g, 6);
    g = setCell(g, `F${TEMPLATE_LAYOUT.headerRow}`, "Ghi chú riêng");
    const check = checkSheet(g);
    const pt01Row = first + reversed.indexOf(rows.indicators.get("PT01")! - first);
    expect(check.issues).toEqual([
      expect.objectContaining({ code: "cell.text_number", cell: `G${pt01Row}` }),
    ]);
  });

  it("sorts issues by row, then column", () => {
    const check = checkSheet(
      sheet({
        [cell("TD02")]: "abc",
        [cell("GD10", "target")]: "x",
        [cell("GD10")]: "-",
        F5: "",
      }),
    );
    const refs = check.issues.map((i) => parseA1(i.cell!)!);
    for (let k = 1; k < refs.length; k++) {
      const a = refs[k - 1]!;
      const b = refs[k]!;
      expect(a.row < b.row || (a.row === b.row && a.col <= b.col)).toBe(true);
    }
    expect(check.issues[0]?.code).toBe("grid.header_missing");
    expect(check.issues).toHaveLength(4);
  });

  it("passes the previous period to the outlier rule", () => {
    const check = checkSheet(sheet(), { previous: [{ code: "PT01", actual: 1000 }] });
    expect(check.issues).toEqual([
      expect.objectContaining({ code: "rule.outlier", severity: "warning", cell: cell("PT01") }),
    ]);
  });

  it("returns no report when the template is unknown", () => {
    const check = checkSheet(setCell(sheet(), "F6", "doan-2099 v1"));
    expect(check.report).toBeNull();
    expect(check.issues.map((i) => i.code)).toEqual(["grid.template_unknown"]);
  });
});

describe("checkSheet on random grids", () => {
  it("never throws and always returns an issues array", () => {
    fc.assert(
      fc.property(randomGrid, fc.boolean(), (grid, withTemplate) => {
        const check = checkSheet(grid, withTemplate ? { template: t } : {});
        expect(Array.isArray(check.issues)).toBe(true);
        for (const i of check.issues) expect(parseA1(i.cell ?? "")).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on a real sheet with random values typed into it", () => {
    const addresses = t.indicators.flatMap((i) => [cell(i.code, "target"), cell(i.code, "actual")]);
    const base = sheet();
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...addresses),
          fc.oneof(fc.string({ maxLength: 10 }), fc.double(), fc.integer(), fc.boolean()),
          { maxKeys: 12 },
        ),
        (typedValues) => {
          let g = base;
          for (const [address, value] of Object.entries(typedValues)) g = setCell(g, address, value);
          const check = checkSheet(g);
          expect(check.report).not.toBeNull();
          for (const i of check.issues) expect(i.cell).toBeDefined();
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("checkSheet: rows without a code", () => {
  const pt02 = rows.indicators.get("PT02")!;
  const withBreakdown = (value: number) => {
    let g = insertRows(sheet(), pt02 + 1, 1);
    g = setCell(g, `C${pt02 + 1}`, "Trong đó: công trình cấp xã");
    return setCell(g, `F${pt02 + 1}`, typed(value));
  };

  it("warns when a 'Trong đó' row is larger than the row above, and never sends it", () => {
    const check = checkSheet(withBreakdown(150)); // PT02 holds 125
    expect(check.issues).toEqual([
      expect.objectContaining({
        code: "grid.breakdown_exceeds",
        severity: "warning",
        cell: `F${pt02 + 1}`,
        indicator: "PT02",
        params: expect.objectContaining({ value: 150, parentValue: 125 }),
      }),
    ]);
    expect(check.warnings).toBe(1);
    expect(check.report!.rows.find((r) => r.code === "PT02")?.actual).toBe(125);
    expect(check.report!.rows).toHaveLength(t.indicators.length);
  });

  it("says a deleted code once, on its row: no rule about the row lands on the table header", () => {
    // PT03 is filled, so without its PT02 row the rule 'PT03 needs PT02' would fail on the header.
    const check = checkSheet(setCell(sheet(), `B${pt02}`, ""));
    expect(check.issues).toEqual([
      expect.objectContaining({ code: "grid.row_code_missing", cell: `B${pt02}`, fix: { value: "PT02" } }),
    ]);
  });

  it("says nothing of a breakdown within its row", () => {
    expect(checkSheet(withBreakdown(100)).issues).toEqual([]);
  });

  it("counts errors and warnings once, on the check result", () => {
    const check = checkSheet(sheet({ [cell("PT01")]: "92.387", [cell("XD02")]: 5, [cell("XD03")]: 6 }));
    expect(check.errors).toBe(check.issues.filter((i) => i.severity === "error").length);
    expect(check.warnings).toBe(check.issues.filter((i) => i.severity === "warning").length);
    expect([check.errors, check.warnings]).toEqual([1, 1]);
  });
});

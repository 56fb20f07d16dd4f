// The official template sheet as a plan: one layout for the add-in and the CLI. The locator never relies
// on these addresses (users insert rows, sort, add columns); they only fix where a fresh sheet puts things.
import type { Indicator, IndicatorKind, Template } from "../template/types.ts";
import { OFFICIAL_FONT } from "./official.ts";
import type { PlanCell, PlanValidation, SheetPlan } from "./types.ts";

export const TEMPLATE_LAYOUT = {
  /** Table columns. */
  columns: {
    stt: "A",
    code: "B",
    label: "C",
    unit: "D",
    target: "E",
    actual: "F",
    rate: "G",
    note: "H",
  },
  lastColumn: "H",
  /** Header block: label cell → input cell. Two label/input pairs per row, like a printed form. */
  header: {
    unitName: { label: "B5", input: "C5" },
    unitCode: { label: "E5", input: "F5" },
    period: { label: "B6", input: "C6" },
    template: { label: "E6", input: "F6" },
    reporter: { label: "B7", input: "C7" },
    phone: { label: "E7", input: "F7" },
  },
  titleRows: { organisation: 1, stars: 2, title: 3 },
  /** The table's header row (STT | Mã chỉ tiêu | …); sections and indicators follow from the next row. */
  headerRow: 9,
  firstBodyRow: 10,
} as const;

export const HEADER_LABELS = {
  unitName: "Đơn vị:",
  unitCode: "Mã đơn vị:",
  period: "Kỳ báo cáo:",
  template: "Mẫu:",
  reporter: "Người lập:",
  phone: "Điện thoại:",
} as const;

export const COLUMN_LABELS = {
  stt: "STT",
  code: "Mã chỉ tiêu",
  label: "Nội dung chỉ tiêu",
  unit: "ĐVT",
  target: "Chỉ tiêu giao",
  actual: "Kết quả thực hiện",
  rate: "Tỷ lệ đạt %",
  note: "Ghi chú",
} as const;

/** The number formats of both plans (this template and the consolidated sheet): one place to change them. */
export const NUMBER_FORMATS: Record<IndicatorKind, string> & { rate: string; text: string } = {
  count: "#,##0",
  // Up to 3 decimals (thousand đồng). "#,##0.###" would show whole amounts with a trailing dot ("555.").
  money: "#,##0.0##",
  ratio: "0.0",
  grade: "@",
  rate: "0.0",
  text: "@",
};

export const HEADER_FILL = "#DDEBF7";
export const SECTION_FILL = "#F2F2F2";

/** "doan-2024 v1": what the "Mẫu:" cell holds and the locator reads back. */
export function templateStamp(template: Template): string {
  return `${template.id} v${template.version}`;
}

export interface TemplateRows {
  sections: Map<string, number>;
  indicators: Map<string, number>;
  lastRow: number;
}

/** Sheet rows of a fresh sheet: sections in template order, each followed by its indicators. */
export function templateRows(template: Template): TemplateRows {
  const sections = new Map<string, number>();
  const indicators = new Map<string, number>();
  let row = TEMPLATE_LAYOUT.firstBodyRow;
  for (const section of template.sections) {
    sections.set(section.id, row++);
    for (const ind of template.indicators) {
      if (ind.section === section.id) indicators.set(ind.code, row++);
    }
  }
  // Indicators whose section is not listed still get a row, so nothing is silently dropped.
  for (const ind of template.indicators) {
    if (!indicators.has(ind.code)) indicators.set(ind.code, row++);
  }
  return { sections, indicators, lastRow: row - 1 };
}

export interface TemplateSheetOptions {
  unitName?: string;
  unitCode?: string;
  period?: string;
  reporter?: string;
  phone?: string;
  lang?: "vi";
}

const C = TEMPLATE_LAYOUT.columns;

/** IF(AND(ISNUMBER(den), den>0, ISNUMBER(num)), num/den*100, ""): blank, text or 0 give "" not #DIV/0!. */
export function percentFormula(numerator: string, denominator: string): string {
  return `=IF(AND(ISNUMBER(${denominator}),${denominator}>0,ISNUMBER(${numerator})),${numerator}/${denominator}*100,"")`;
}

function gradePrompt(template: Template): string {
  const list = template.grades.map((g) => `${g.code} = ${g.label.vi}`).join("; ");
  return `Chọn mã xếp loại: ${list}.`;
}

const PROMPTS = {
  count: {
    prompt: "Nhập số nguyên ≥ 0, không kèm đơn vị. Để trống nếu chưa có số liệu (0 là không có).",
    error: "Chỉ nhập số nguyên không âm, không kèm đơn vị, không dùng dấu chấm phân cách hàng nghìn.",
  },
  money: {
    prompt: "Nhập số tiền (triệu đồng) ≥ 0, tối đa 3 chữ số thập phân. Để trống nếu chưa có số liệu.",
    error: "Chỉ nhập số không âm (triệu đồng), không kèm đơn vị.",
  },
  ratioTarget: {
    prompt: "Nhập tỷ lệ % được giao (ví dụ 80). Kết quả thực hiện được tính tự động.",
    error: "Chỉ nhập số không âm (tỷ lệ %).",
  },
} as const;

export function templateSheetPlan(template: Template, opts: TemplateSheetOptions = {}): SheetPlan {
  const L = TEMPLATE_LAYOUT;
  const rows = templateRows(template);
  const cells: PlanCell[] = [];
  const validations: PlanValidation[] = [];
  const text = (address: string, value: string | undefined, extra: Partial<PlanCell> = {}): PlanCell => ({
    address,
    ...(value !== undefined && value !== "" ? { value } : {}),
    numberFormat: NUMBER_FORMATS.text,
    locked: true,
    ...extra,
  });

  // Title block, as on printed Youth Union documents.
  cells.push(
    text(`A${L.titleRows.organisation}`, "ĐOÀN TNCS HỒ CHÍ MINH", {
      bold: true,
      horizontalAlignment: "Center",
    }),
    text(`A${L.titleRows.stars}`, "***", { horizontalAlignment: "Center" }),
    text(`A${L.titleRows.title}`, template.title.vi, {
      bold: true,
      horizontalAlignment: "Center",
      wrapText: true,
    }),
  );
  const merges = [
    `A${L.titleRows.organisation}:C${L.titleRows.organisation}`,
    `A${L.titleRows.stars}:C${L.titleRows.stars}`,
    `A${L.titleRows.title}:${L.lastColumn}${L.titleRows.title}`,
  ];

  // Header block. Every input is "@" so a period like 2023-11 is not turned into a date.
  const headerValues: Record<keyof typeof HEADER_LABELS, string | undefined> = {
    unitName: opts.unitName,
    unitCode: opts.unitCode,
    period: opts.period,
    template: templateStamp(template),
    reporter: opts.reporter,
    phone: opts.phone,
  };
  for (const key of Object.keys(HEADER_LABELS) as (keyof typeof HEADER_LABELS)[]) {
    const at = L.header[key];
    cells.push(text(at.label, HEADER_LABELS[key], { bold: true }));
    cells.push(text(at.input, headerValues[key], { locked: key === "template" }));
  }

  // Table header.
  for (const key of Object.keys(COLUMN_LABELS) as (keyof typeof COLUMN_LABELS)[]) {
    cells.push(
      text(`${C[key]}${L.headerRow}`, COLUMN_LABELS[key], {
        bold: true,
        fill: HEADER_FILL,
        horizontalAlignment: "Center",
        wrapText: true,
        border: true,
      }),
    );
  }

  // Sections: roman numeral and title, filled across the table.
  for (const section of template.sections) {
    const r = rows.sections.get(section.id)!;
    const common = { bold: true, fill: SECTION_FILL, border: true };
    for (const key of Object.keys(C) as (keyof typeof C)[]) {
      const value = key === "stt" ? section.id : key === "label" ? section.label.vi : undefined;
      cells.push(
        text(`${C[key]}${r}`, value, {
          ...common,
          ...(key === "stt" ? { horizontalAlignment: "Center" } : {}),
        }),
      );
    }
  }

  // Indicator rows; STT restarts at 1 in each section, like the printed forms.
  const stt = new Map<string, number>();
  for (const ind of template.indicators) {
    const r = rows.indicators.get(ind.code)!;
    const n = (stt.get(ind.section) ?? 0) + 1;
    stt.set(ind.section, n);
    cells.push({
      address: `${C.stt}${r}`,
      value: n,
      locked: true,
      border: true,
      horizontalAlignment: "Center",
    });
    cells.push(text(`${C.code}${r}`, ind.code, { border: true, horizontalAlignment: "Center" }));
    cells.push(text(`${C.label}${r}`, ind.label.vi, { border: true, wrapText: true }));
    cells.push(text(`${C.unit}${r}`, ind.unit.vi, { border: true, horizontalAlignment: "Center" }));
    cells.push(...valueCells(ind, r, rows, template, validations));
    cells.push(text(`${C.note}${r}`, undefined, { border: true, locked: false, wrapText: true }));
  }

  const lastRow = rows.lastRow;
  return {
    name: "Báo cáo",
    // The official font, named in every cell (LibreOffice draws an unnamed bold font in a fallback).
    font: OFFICIAL_FONT,
    cells,
    columnWidths: { A: 6, B: 12, C: 60, D: 11, E: 13, F: 15, G: 10, H: 28 },
    merges,
    validations: compressValidations(validations),
    tables: [],
    freezeRows: L.headerRow,
    print: {
      orientation: "Landscape",
      paperSize: "A4",
      titleRows: `$${L.headerRow}:$${L.headerRow}`,
      area: `A1:${L.lastColumn}${lastRow}`,
      fitToWidth: true,
    },
    protect: true,
    properties: { "baocao.template": template.id, "baocao.version": String(template.version) },
  };
}

function valueCells(
  ind: Indicator,
  r: number,
  rows: TemplateRows,
  template: Template,
  validations: PlanValidation[],
): PlanCell[] {
  const target = `${C.target}${r}`;
  const actual = `${C.actual}${r}`;
  const rate: PlanCell = {
    address: `${C.rate}${r}`,
    formula: percentFormula(actual, target),
    numberFormat: NUMBER_FORMATS.rate,
    locked: true,
    border: true,
  };
  const input = { locked: false, border: true } as const;
  switch (ind.kind) {
    case "count":
    case "money": {
      const fmt = NUMBER_FORMATS[ind.kind];
      validations.push({
        range: `${target}:${actual}`,
        type: ind.kind === "count" ? "wholeNumber" : "decimal",
        min: 0,
        ...PROMPTS[ind.kind],
      });
      return [
        { address: target, numberFormat: fmt, ...input },
        { address: actual, numberFormat: fmt, ...input },
        rate,
      ];
    }
    case "ratio": {
      const num = rows.indicators.get(ind.ratio?.numerator ?? "");
      const den = rows.indicators.get(ind.ratio?.denominator ?? "");
      validations.push({ range: target, type: "decimal", min: 0, ...PROMPTS.ratioTarget });
      const actualCell: PlanCell = {
        address: actual,
        numberFormat: NUMBER_FORMATS.ratio,
        locked: true,
        border: true,
        ...(num !== undefined && den !== undefined
          ? { formula: percentFormula(`${C.actual}${num}`, `${C.actual}${den}`) }
          : {}),
      };
      return [{ address: target, numberFormat: NUMBER_FORMATS.ratio, ...input }, actualCell, rate];
    }
    case "grade": {
      validations.push({
        range: actual,
        type: "list",
        source: template.grades.map((g) => g.code),
        prompt: gradePrompt(template),
        error: `Mã xếp loại không hợp lệ. ${gradePrompt(template)}`,
      });
      // A grade has no target and no rate: those cells stay locked and blank.
      return [
        { address: target, numberFormat: NUMBER_FORMATS.text, locked: true, border: true },
        { address: actual, numberFormat: NUMBER_FORMATS.grade, horizontalAlignment: "Center", ...input },
        { address: `${C.rate}${r}`, numberFormat: NUMBER_FORMATS.text, locked: true, border: true },
      ];
    }
  }
}

/** Joins validations of consecutive rows with the same columns and rule ("E11:F12" for two count rows). */
function compressValidations(list: PlanValidation[]): PlanValidation[] {
  const out: PlanValidation[] = [];
  for (const v of list) {
    const prev = out[out.length - 1];
    const merged = prev ? tryMerge(prev, v) : undefined;
    if (merged) out[out.length - 1] = merged;
    else out.push(v);
  }
  return out;
}

function tryMerge(a: PlanValidation, b: PlanValidation): PlanValidation | undefined {
  const ka = JSON.stringify({ ...a, range: "" });
  const kb = JSON.stringify({ ...b, range: "" });
  if (ka !== kb) return undefined;
  const ra = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a.range);
  const rb = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(b.range);
  if (!ra || !rb) return undefined;
  const aEndCol = ra[3] ?? ra[1]!;
  const aEndRow = Number(ra[4] ?? ra[2]);
  const bEndCol = rb[3] ?? rb[1]!;
  const bEndRow = Number(rb[4] ?? rb[2]);
  if (ra[1] !== rb[1] || aEndCol !== bEndCol || Number(rb[2]) !== aEndRow + 1) return undefined;
  return { ...a, range: `${ra[1]}${ra[2]}:${bEndCol}${bEndRow}` };
}

/** Address of an indicator's cell on a fresh sheet (tests and fixtures; real sheets are located). */
export function templateCell(template: Template, code: string, column: keyof typeof C): string {
  const r = templateRows(template).indicators.get(code);
  if (r === undefined) throw new Error(`no row ${code} in ${template.id}`);
  return `${C[column]}${r}`;
}

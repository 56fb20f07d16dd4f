// Where a fresh template sheet puts things, its labels and number formats. The locator never relies on
// these addresses (users insert rows, sort, add columns); they only fix where a fresh sheet puts things.
import type { IndicatorKind, Template } from "../template/types.ts";

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
  /** Rows 1–2: the official header (the unit and "***"; the union and the date line); the title; the period. */
  titleRows: { organisation: 1, stars: 2, title: 3, period: 4 },
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

/** Column widths in characters: the left half (A–C) holds the unit, the right (E–H) the union. */
export const TEMPLATE_WIDTHS = { A: 6, B: 12, C: 60, D: 11, E: 13, F: 15, G: 10, H: 28 } as const;

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

/** Address of an indicator's cell on a fresh sheet (tests and fixtures; real sheets are located). */
export function templateCell(
  template: Template,
  code: string,
  column: keyof typeof TEMPLATE_LAYOUT.columns,
): string {
  const r = templateRows(template).indicators.get(code);
  if (r === undefined) throw new Error(`no row ${code} in ${template.id}`);
  return `${TEMPLATE_LAYOUT.columns[column]}${r}`;
}

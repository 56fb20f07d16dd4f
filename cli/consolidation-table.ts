// The consolidated figures as a terminal table: code, label, total, % achieved, then one column per
// child unit for as many children as the width allows. Children with figures come before those without,
// rows without any figure are left out; both are counted under the table, never silently dropped.
import type { Consolidation, IndicatorTotal } from "../shared/api/schemas.ts";
import type { ComparedConsolidation, ComparedIndicator } from "../shared/api/units.ts";
import { formatNumber } from "../shared/messages/format-number.ts";
import type { Lang } from "../shared/messages/types.ts";
import { compareCells, compareHeaders } from "../shared/plans/compare-columns.ts";
import { targetCoverageNote } from "../shared/plans/consolidated-sheet.ts";
import { GRADES, type Template } from "../shared/template/types.ts";
import { textTable, truncate, width } from "./text-table.ts";

export interface TableOptions {
  lang: Lang;
  /** Terminal width in characters. */
  width: number;
}

function figure(t: IndicatorTotal | undefined, lang: Lang): string {
  if (!t) return "";
  if (t.grades)
    return GRADES.filter((g) => (t.grades?.[g] ?? 0) > 0)
      .map((g) => `${g}:${t.grades?.[g]}`)
      .join(" ");
  return t.actual === undefined ? "" : formatNumber(t.actual, lang);
}

/** The compared figure and the change ("+8,0" / "−3,5"), blank where there is none. */
function comparedFigures(cells: ReturnType<typeof compareCells>, lang: Lang): [string, string] {
  const { previous, change } = cells;
  const before = typeof previous === "number" ? formatNumber(previous, lang) : (previous ?? "");
  const sign = change !== null && change > 0 ? "+" : "";
  return [before, change === null ? "" : `${sign}${formatNumber(change, lang)}`];
}

/** "SL.MAISON" under "SL" reads "MAISON": the parent's prefix says nothing in its own table. */
function shortCode(child: string, parent: string): string {
  return child.startsWith(`${parent}.`) ? child.slice(parent.length + 1) : child;
}

export function consolidationTable(
  c: Consolidation | ComparedConsolidation,
  template: Template,
  opts: TableOptions,
): string {
  const { lang } = opts;
  const totals = new Map<string, ComparedIndicator>(c.indicators.map((i) => [i.code, i]));
  const compared = "compare" in c ? c.compare?.period : undefined;
  const all = c.children.map((ch) => ({
    head: truncate(shortCode(ch.unit, c.unit), 10),
    name: ch.name,
    byCode: new Map(ch.indicators.map((i) => [i.code, i])),
  }));
  const hasFigures = (ch: (typeof all)[number]) =>
    [...ch.byCode.values()].some((t) => figure(t, lang) !== "");
  const children = [...all.filter(hasFigures), ...all.filter((ch) => !hasFigures(ch))];
  const indicators = template.indicators.filter(
    (ind) =>
      figure(totals.get(ind.code), lang) !== "" ||
      all.some((ch) => figure(ch.byCode.get(ind.code), lang) !== ""),
  );
  const labelWidth = Math.max(16, Math.min(40, opts.width - 60));
  const headers = [
    lang === "vi" ? "Mã" : "Code",
    lang === "vi" ? "Nội dung" : "Indicator",
    lang === "vi" ? "Tổng" : "Total",
    lang === "vi" ? "% đạt" : "% met",
    ...(compared === undefined ? [] : compareHeaders(compared, lang)),
  ];
  // A rate whose target and actual come from different units gets a "*" and a line under the table.
  const qualified: string[] = [];
  const base = indicators.map((ind) => {
    const t = totals.get(ind.code);
    const note = t?.rate === undefined ? null : targetCoverageNote(t, lang);
    if (note) qualified.push(`${ind.code}: ${note}`);
    return [
      ind.code,
      truncate(ind.label[lang], labelWidth),
      figure(t, lang),
      t?.rate === undefined ? "" : `${formatNumber(t.rate, lang)}${note ? "*" : ""}`,
      ...(compared === undefined ? [] : comparedFigures(compareCells(ind, t), lang)),
    ];
  });
  const tableWidth = (cols: string[][], heads: string[]) =>
    heads.reduce((sum, h, i) => sum + Math.max(width(h), ...cols.map((r) => width(r[i] ?? ""))) + 2, 0);

  // Add child columns while the table still fits.
  let shown = 0;
  let rows = base;
  let heads = headers;
  for (const ch of children) {
    const nextHeads = [...heads, ch.head];
    const nextRows = rows.map((r, k) => [...r, figure(ch.byCode.get(indicators[k]?.code ?? ""), lang)]);
    if (tableWidth(nextRows, nextHeads) > opts.width) break;
    heads = nextHeads;
    rows = nextRows;
    shown++;
  }
  const align = heads.map((_, i) => (i < 2 ? "left" : "right") as "left" | "right");
  const out = [textTable(heads, rows, align)];
  const legend = children
    .slice(0, shown)
    .map((ch) => `${ch.head} = ${ch.name}`)
    .join(" · ");
  if (legend) out.push(legend);
  if (qualified.length > 0) out.push(`* ${qualified.join(" · ")}`);
  const hiddenRows = template.indicators.length - indicators.length;
  if (hiddenRows > 0) {
    out.push(
      lang === "vi"
        ? `(${hiddenRows} chỉ tiêu chưa có số liệu không in ra)`
        : `(${hiddenRows} indicators without figures not shown)`,
    );
  }
  if (shown < children.length) {
    const rest = children.length - shown;
    const empty = children.slice(shown).filter((ch) => !hasFigures(ch)).length;
    out.push(
      lang === "vi"
        ? `(+${rest} đơn vị không đủ chỗ, ${empty} trong đó chưa có số liệu: xem tệp .xlsx)`
        : `(+${rest} units do not fit, ${empty} of them without figures: see the .xlsx file)`,
    );
  }
  return out.join("\n");
}

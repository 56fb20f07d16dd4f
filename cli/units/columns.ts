// The columns of a CSV the CLI reads: found by header names (Vietnamese or English, any case, with or
// without diacritics), else by position. Problems name the line and the column as people see them.
import { columnLetter } from "../../shared/grid/address.ts";
import { foldWords } from "../../shared/grid/text.ts";
import type { CsvRecord } from "../csv.ts";

export type Columns<F extends string> = Partial<Record<F, number>>;

export interface Layout<F extends string> {
  columns: Columns<F>;
  /** The header's own text of each column (undefined without a header row). */
  headers: string[] | undefined;
  /** The records below the header. */
  data: CsvRecord[];
}

/**
 * Reads the first record as a header when it names every `required` field; otherwise every record is
 * data and the fields are in `order`.
 */
export function layoutOf<F extends string>(
  records: CsvRecord[],
  aliases: Record<F, string[]>,
  required: F[],
  order: F[],
): Layout<F> {
  const first = records[0];
  if (first) {
    const cols: Columns<F> = {};
    first.fields.forEach((text, i) => {
      const key = foldWords(text);
      for (const [field, names] of Object.entries(aliases) as [F, string[]][]) {
        if (names.includes(key) && cols[field] === undefined) cols[field] = i;
      }
    });
    if (required.every((f) => cols[f] !== undefined)) {
      return { columns: cols, headers: first.fields.map((f) => f.trim()), data: records.slice(1) };
    }
  }
  const columns: Columns<F> = {};
  order.forEach((f, i) => {
    columns[f] = i;
  });
  return { columns, headers: undefined, data: records };
}

/** A field's trimmed text ("" when the column or the cell is absent). */
export function cell<F extends string>(layout: Layout<F>, rec: CsvRecord, field: F): string {
  const i = layout.columns[field];
  return i === undefined ? "" : (rec.fields[i] ?? "").trim();
}

/** `dòng 4, cột "into" (C) / line 4, column "into" (C)`: where a problem is, in both languages. */
export function place<F extends string>(layout: Layout<F>, line: number, field?: F): string {
  const i = field === undefined ? undefined : layout.columns[field];
  if (i === undefined) return `dòng ${line} / line ${line}`;
  const name = layout.headers?.[i];
  const col = name ? `"${name}" (${columnLetter(i + 1)})` : columnLetter(i + 1);
  return `dòng ${line}, cột ${col} / line ${line}, column ${col}`;
}

// The unit list of `baocao units import`: code, name, parent[, kind][, from][, to][, cluster] per line, into the
// body of PUT /v1/admin/units. Every problem names its line and column; nothing is kept from a bad line.
import { UNIT_CODE_RE } from "../../shared/api/schemas.ts";
import type { DatedUnitInput } from "../../shared/api/units.ts";
import type { CsvRecord } from "../csv.ts";
import { cell, type Layout, layoutOf, place } from "./columns.ts";
import { parseDay } from "./dates.ts";

type Field = "code" | "name" | "parent" | "kind" | "from" | "to" | "cluster";

const ALIASES: Record<Field, string[]> = {
  code: ["code", "ma", "ma don vi", "ma dv", "unit", "unit code"],
  name: ["name", "ten", "ten don vi", "unit name"],
  parent: ["parent", "parent code", "cap tren", "ma cap tren", "don vi cap tren", "ma don vi cap tren"],
  kind: ["kind", "loai", "cap", "loai don vi"],
  from: ["from", "tu", "tu ngay", "ngay thanh lap", "bat dau", "start"],
  to: ["to", "den", "den ngay", "ngay ket thuc", "ket thuc", "end"],
  cluster: ["cluster", "cum", "cum thi dua", "emulation cluster"],
};

/** A cluster cell of only a dash clears the unit's cluster; an empty one leaves it as stored. */
const NO_CLUSTER = /^[-–—]$/;

export interface ParsedUnits {
  units: DatedUnitInput[];
  /** The CSV line of each unit, to name the line of a problem the server finds. */
  lines: number[];
  problems: string[];
}

function day(layout: Layout<Field>, rec: CsvRecord, field: "from" | "to", bad: string[]): string | undefined {
  const text = cell(layout, rec, field);
  if (text === "") return undefined;
  const iso = parseDay(text);
  if (iso === undefined) {
    bad.push(
      `${place(layout, rec.line, field)}: ngày "${text}" không hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd) / date "${text}" is not valid (dd/mm/yyyy or yyyy-mm-dd)`,
    );
  }
  return iso;
}

/** The problems of one line (each with its place) and, when there are none, its unit. */
function unitOf(layout: Layout<Field>, rec: CsvRecord): { unit?: DatedUnitInput; bad: string[] } {
  const get = (f: Field) => cell(layout, rec, f);
  const at = (f: Field) => place(layout, rec.line, f);
  const [code, name, parent, kind] = [get("code"), get("name"), get("parent"), get("kind")];
  const bad: string[] = [];
  if (!UNIT_CODE_RE.test(code)) {
    bad.push(
      `${at("code")}: mã "${code}" không hợp lệ (chữ in hoa không dấu, số, ".", "_", "-") / code "${code}" is not valid (capitals, digits, ".", "_", "-")`,
    );
  }
  if (name === "") bad.push(`${at("name")}: thiếu tên đơn vị / the name is missing`);
  if (name.length > 200) bad.push(`${at("name")}: tên dài quá 200 ký tự / the name is over 200 characters`);
  if (parent !== "" && !UNIT_CODE_RE.test(parent)) {
    bad.push(`${at("parent")}: mã cấp trên "${parent}" không hợp lệ / parent code "${parent}" is not valid`);
  }
  if (parent !== "" && parent === code) {
    bad.push(`${at("parent")}: đơn vị không thể là cấp trên của chính nó / a unit cannot be its own parent`);
  }
  if (kind.length > 50) bad.push(`${at("kind")}: loại dài quá 50 ký tự / the kind is over 50 characters`);
  const cluster = get("cluster");
  if (cluster.length > 100) {
    bad.push(`${at("cluster")}: tên cụm dài quá 100 ký tự / the cluster is over 100 characters`);
  }
  const from = day(layout, rec, "from", bad);
  const to = day(layout, rec, "to", bad);
  if (from !== undefined && to !== undefined && to <= from) {
    bad.push(
      `${at("to")}: ngày kết thúc phải sau ngày bắt đầu / the end date must come after the start date`,
    );
  }
  if (bad.length > 0) return { bad };
  const unit: DatedUnitInput = {
    code,
    name,
    parent: parent === "" ? null : parent,
    ...(kind !== "" && { kind }),
    ...(from !== undefined && { from }),
    ...(to !== undefined && { to }),
    ...(cluster !== "" && { cluster: NO_CLUSTER.test(cluster) ? null : cluster }),
  };
  return { unit, bad };
}

export function unitsFromCsv(records: CsvRecord[]): ParsedUnits {
  const layout = layoutOf(
    records,
    ALIASES,
    ["code", "name"],
    ["code", "name", "parent", "kind", "from", "to", "cluster"],
  );
  const units: DatedUnitInput[] = [];
  const lines: number[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (const rec of layout.data) {
    const { unit, bad } = unitOf(layout, rec);
    const code = cell(layout, rec, "code");
    const dup = seen.get(code);
    if (dup !== undefined && code !== "") {
      bad.push(
        `${place(layout, rec.line, "code")}: mã "${code}" đã có ở dòng ${dup} / code "${code}" already on line ${dup}`,
      );
    }
    if (bad.length > 0 || !unit) {
      problems.push(...bad);
      continue;
    }
    seen.set(code, rec.line);
    units.push(unit);
    lines.push(rec.line);
  }
  if (layout.data.length === 0) problems.push("tệp không có đơn vị nào / the file holds no unit");
  return { units, lines, problems };
}

// The change list of `baocao units changes`: one change per line (type, unit, into, name[, parent][, kind]),
// into the body of POST /v1/admin/units/changes. A merge of several units is several lines with the same
// `into`; a split is one line per new unit with the same `unit`. Types may be written in Vietnamese.
// Every problem names its line and column; nothing is sent while the file has one.
import { UNIT_CODE_RE } from "../../shared/api/schemas.ts";
import type { NewUnit, UnitChange, UnitChanges } from "../../shared/api/units.ts";
import { foldWords } from "../../shared/grid/text.ts";
import type { CsvRecord } from "../csv.ts";
import { cell, type Layout, layoutOf, place } from "./columns.ts";

type Field = "type" | "unit" | "into" | "name" | "parent" | "kind";
type Layouted = Layout<Field>;

const ALIASES: Record<Field, string[]> = {
  type: ["type", "thay doi", "loai thay doi", "kieu", "change"],
  unit: ["unit", "from", "unit from", "don vi", "ma don vi", "ma", "tu"],
  into: ["into", "into parent", "vao", "thanh", "sang", "den", "don vi moi"],
  name: ["name", "ten", "ten moi", "ten don vi", "new name"],
  parent: ["parent", "cap tren", "ma cap tren", "new parent", "cap tren moi"],
  kind: ["kind", "loai", "loai don vi"],
};

const TYPES: Record<UnitChange["type"], string[]> = {
  close: ["close", "dong", "giai the", "ket thuc", "cham dut"],
  move: ["move", "chuyen", "chuyen cap tren"],
  merge: ["merge", "sap nhap", "hop nhat", "nhap"],
  split: ["split", "chia", "tach", "chia tach"],
  rename: ["rename", "doi ten"],
};

function typeOf(text: string): UnitChange["type"] | undefined {
  const key = foldWords(text);
  return (Object.entries(TYPES) as [UnitChange["type"], string[]][]).find(([, names]) =>
    names.includes(key),
  )?.[0];
}

export interface ParsedChanges {
  body: UnitChanges;
  /** The CSV lines of each change of `body.changes`, to name them when the server refuses one. */
  lines: number[][];
  problems: string[];
}

interface Row {
  line: number;
  type: UnitChange["type"];
  units: string[];
  into: string;
  name: string;
  parent: string;
  kind: string;
}

/** Several codes may share a cell ("A B", "A+B", "A|B"): a merge of several units on one line. */
const codesIn = (text: string) => text.split(/[\s+|]+/).filter((c) => c !== "");

function problemsOfRow(l: Layouted, rec: CsvRecord, bad: string[]): Row | undefined {
  const at = (f: Field) => place(l, rec.line, f);
  const get = (f: Field) => cell(l, rec, f);
  const typeText = get("type");
  const type = typeOf(typeText);
  const before = bad.length;
  if (!type) {
    bad.push(
      `${at("type")}: loại thay đổi "${typeText}" không rõ (close, move, merge, split, rename — hoặc giải thể, chuyển, sáp nhập, chia tách, đổi tên) / unknown change type "${typeText}" (close, move, merge, split, rename)`,
    );
    return undefined;
  }
  const unitText = get("unit");
  const units = type === "merge" ? codesIn(unitText) : unitText === "" ? [] : [unitText];
  const row: Row = {
    line: rec.line,
    type,
    units,
    into: get("into"),
    name: get("name"),
    parent: get("parent"),
    kind: get("kind"),
  };
  if (type === "move" && row.into === "") row.into = row.parent;
  const code = (f: Field, v: string, what: [string, string]) => {
    if (v !== "" && !UNIT_CODE_RE.test(v)) {
      bad.push(
        `${at(f)}: ${what[0]} "${v}" không hợp lệ (chữ in hoa không dấu, số, ".", "_", "-") / ${what[1]} "${v}" is not valid (capitals, digits, ".", "_", "-")`,
      );
    }
  };
  if (units.length === 0) bad.push(`${at("unit")}: thiếu mã đơn vị / the unit code is missing`);
  for (const u of units) code("unit", u, ["mã đơn vị", "unit code"]);
  code("into", row.into, ["mã", "code"]);
  code("parent", row.parent, ["mã cấp trên", "parent code"]);
  const need = (f: Field, v: string, vi: string, en: string) => {
    if (v === "") bad.push(`${at(f)}: ${vi} / ${en}`);
  };
  const none = (f: Field, v: string) => {
    if (v !== "")
      bad.push(
        `${at(f)}: "${type}" không dùng cột này, hãy để trống / "${type}" does not use this column: leave it blank`,
      );
  };
  if (type === "close") {
    none("into", row.into);
    none("name", row.name);
  } else if (type === "move")
    need("into", row.into, "thiếu mã cấp trên mới", "the new parent code is missing");
  else if (type === "rename") {
    need("name", row.name, "thiếu tên mới", "the new name is missing");
    none("into", row.into);
  } else {
    need("into", row.into, "thiếu mã đơn vị nhận (into)", "the unit it goes into is missing");
    if (type === "split") {
      need("name", row.name, "thiếu tên đơn vị mới", "the new unit's name is missing");
      need("parent", row.parent, "thiếu mã cấp trên của đơn vị mới", "the new unit's parent is missing");
    } else if (row.name !== "")
      need("parent", row.parent, "thiếu mã cấp trên của đơn vị mới", "the new unit's parent is missing");
  }
  if (row.name.length > 200)
    bad.push(`${at("name")}: tên dài quá 200 ký tự / the name is over 200 characters`);
  if (row.kind.length > 50) bad.push(`${at("kind")}: loại dài quá 50 ký tự / the kind is over 50 characters`);
  return bad.length === before ? row : undefined;
}

const newUnit = (r: Row): NewUnit => ({
  code: r.into,
  name: r.name,
  parent: r.parent,
  ...(r.kind !== "" && { kind: r.kind }),
});

/** Merge lines with the same `into` and split lines with the same `unit` become one change each. */
function group(l: Layouted, rows: Row[], bad: string[]): { changes: UnitChange[]; lines: number[][] } {
  const changes: UnitChange[] = [];
  const lines: number[][] = [];
  const merges = new Map<string, { change: Extract<UnitChange, { type: "merge" }>; first: Row; n: number }>();
  const splits = new Map<string, { change: Extract<UnitChange, { type: "split" }>; n: number }>();
  for (const r of rows) {
    if (r.type === "merge") {
      const known = merges.get(r.into);
      if (!known) {
        const change: UnitChange = {
          type: "merge",
          from: [...r.units],
          into: r.name === "" ? r.into : newUnit(r),
        };
        merges.set(r.into, { change, first: r, n: changes.length });
        changes.push(change);
        lines.push([r.line]);
        continue;
      }
      const clash =
        r.name !== "" &&
        (typeof known.change.into === "string" ||
          known.change.into.name !== r.name ||
          known.change.into.parent !== r.parent);
      if (clash) {
        bad.push(
          `${place(l, r.line, "name")}: đơn vị ${r.into} đã được mô tả khác ở dòng ${known.first.line}; chỉ ghi tên và cấp trên một lần / unit ${r.into} is described differently on line ${known.first.line}: give its name and parent once`,
        );
      }
      known.change.from.push(...r.units);
      lines[known.n]?.push(r.line);
    } else if (r.type === "split") {
      const from = r.units[0] ?? "";
      const known = splits.get(from);
      if (known) {
        known.change.into.push(newUnit(r));
        lines[known.n]?.push(r.line);
      } else {
        const change: UnitChange = { type: "split", from, into: [newUnit(r)] };
        splits.set(from, { change, n: changes.length });
        changes.push(change);
        lines.push([r.line]);
      }
    } else {
      const unit = r.units[0] ?? "";
      changes.push(
        r.type === "close"
          ? { type: "close", unit }
          : r.type === "move"
            ? { type: "move", unit, parent: r.into }
            : { type: "rename", unit, name: r.name },
      );
      lines.push([r.line]);
    }
  }
  for (const { change, n } of splits.values()) {
    if (change.into.length < 2) {
      const line = lines[n]?.[0] ?? 0;
      bad.push(
        `${place(l, line, "into")}: chia tách cần ít nhất 2 đơn vị mới (mỗi đơn vị một dòng cùng mã "unit") / a split needs at least 2 new units (one line each, same "unit")`,
      );
    }
  }
  return { changes, lines };
}

export function changesFromCsv(records: CsvRecord[], effective: string): ParsedChanges {
  const l = layoutOf(records, ALIASES, ["type", "unit"], ["type", "unit", "into", "name", "parent", "kind"]);
  const problems: string[] = [];
  const rows: Row[] = [];
  for (const rec of l.data) {
    const row = problemsOfRow(l, rec, problems);
    if (row) rows.push(row);
  }
  if (l.data.length === 0) problems.push("tệp không có thay đổi nào / the file holds no change");
  const { changes, lines } = group(l, rows, problems);
  return { body: { effective, changes }, lines, problems };
}

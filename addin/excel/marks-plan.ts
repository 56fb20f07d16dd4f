// What to write to mark cells and to unmark them, decided from what we remember and what the cells
// hold now. Pure, so the bookkeeping is tested without Excel.
//
// An unfilled cell reads "#FFFFFF" like a white fill (facts §3), so the original fill cannot be inferred
// later: the first time we mark a cell we remember its fill ("none" for No Fill, told apart by
// tintAndShade = null, ExcelApi 1.9). We also remember the fill and the note text we wrote, and undo
// only what is still ours: a cell the user recoloured keeps the user's colour, a note the user edited
// stays.
import { parseA1, toA1 } from "../../shared/grid/address.ts";
import type { CellMark } from "../../shared/plans/types.ts";

/** Settings key of the record (one per workbook, per sheet id inside). */
export const MARKS_KEY = "baocao.marks";

export type Annotation = "note" | "comment" | "none";

export interface MarkedCell {
  /** The fill we applied (#RRGGBB). */
  fill: string;
  /** The cell's own fill before our first mark: "#RRGGBB", or "none" for No Fill. */
  original: string;
  /** The note or comment text we wrote, or null when we wrote none. */
  note: string | null;
  via?: "note" | "comment";
}

export interface MarksRecord {
  v: 1;
  /** By worksheet id (stable across renames). */
  sheets: Record<string, Record<string, MarkedCell>>;
}

/** The cell as it is now. */
export interface CellNow {
  /** Fill colour as read (#FFFFFF both for white and for No Fill). */
  fill: string;
  /** true for No Fill, false for a fill, null when the host cannot tell (no ExcelApi 1.9). */
  noFill: boolean | null;
  /** Content of the note (or comment, in comment mode) on the cell, null when there is none. */
  note: string | null;
}

export interface MarkWrites {
  /** Back to the user's fill; "none" is fill.clear(). */
  restoreFill: { address: string; to: string }[];
  setFill: { address: string; color: string }[];
  deleteNote: { address: string; via: "note" | "comment" }[];
  updateNote: { address: string; text: string; via: "note" | "comment" }[];
  addNote: { address: string; text: string; via: "note" | "comment" }[];
  /** The sheet's record after the writes. */
  cells: Record<string, MarkedCell>;
  /** Whether anything is to be written (cells or record). */
  changed: boolean;
}

export function emptyRecord(): MarksRecord {
  return { v: 1, sheets: {} };
}

function isMarkedCell(v: unknown): v is MarkedCell {
  if (typeof v !== "object" || v === null) return false;
  const c = v as Record<string, unknown>;
  return (
    typeof c.fill === "string" &&
    typeof c.original === "string" &&
    (c.note === null || typeof c.note === "string") &&
    (c.via === undefined || c.via === "note" || c.via === "comment")
  );
}

/** Reads a stored record; anything unreadable counts as no record (we then restore nothing). */
export function parseRecord(value: unknown): MarksRecord {
  const out = emptyRecord();
  if (typeof value !== "object" || value === null) return out;
  const sheets = (value as { sheets?: unknown }).sheets;
  if (typeof sheets !== "object" || sheets === null) return out;
  for (const [id, cells] of Object.entries(sheets)) {
    if (typeof cells !== "object" || cells === null) continue;
    const kept: Record<string, MarkedCell> = {};
    for (const [address, cell] of Object.entries(cells)) if (isMarkedCell(cell)) kept[address] = cell;
    out.sheets[id] = kept;
  }
  return out;
}

export function normalizeAddress(address: string): string {
  const ref = parseA1(address);
  if (!ref) throw new RangeError(`not a cell address: ${address}`);
  return toA1(ref);
}

const upper = (color: string) => color.toUpperCase();

/** Keeps the marks of `sheetName` (marks without a sheet belong to it), one per cell, normalised. */
export function marksFor(sheetName: string, marks: readonly CellMark[]): Map<string, CellMark> {
  const out = new Map<string, CellMark>();
  for (const m of marks) {
    if (m.sheet !== undefined && m.sheet.toLowerCase() !== sheetName.toLowerCase()) continue;
    const address = normalizeAddress(m.address);
    out.set(address, { ...m, address, fill: upper(m.fill) });
  }
  return out;
}

/** The cells whose current fill and note must be read before writing. */
export function cellsToRead(previous: Record<string, MarkedCell>, marks: Map<string, CellMark>): string[] {
  return [...new Set([...Object.keys(previous), ...marks.keys()])];
}

export function planMarkWrites(
  previous: Record<string, MarkedCell>,
  marks: Map<string, CellMark>,
  now: Record<string, CellNow>,
  annotation: Annotation,
): MarkWrites {
  const w: MarkWrites = {
    restoreFill: [],
    setFill: [],
    deleteNote: [],
    updateNote: [],
    addNote: [],
    cells: {},
    changed: false,
  };
  for (const address of cellsToRead(previous, marks)) {
    const prev = previous[address];
    const mark = marks.get(address);
    const cur = now[address] ?? { fill: "#FFFFFF", noFill: null, note: null };
    const stillOurFill = prev !== undefined && upper(cur.fill) === upper(prev.fill);
    const noteIsOurs =
      prev !== undefined && prev.note !== null && prev.via === annotation && cur.note === prev.note;

    if (!mark) {
      // Stale: undo what is still ours, forget the rest.
      if (!prev) continue;
      if (stillOurFill) w.restoreFill.push({ address, to: prev.original });
      if (noteIsOurs && prev.via) w.deleteNote.push({ address, via: prev.via });
      w.changed = true;
      continue;
    }

    const original = stillOurFill
      ? (prev as MarkedCell).original
      : cur.noFill === true || (cur.noFill === null && upper(cur.fill) === "#FFFFFF")
        ? "none"
        : upper(cur.fill);
    if (upper(cur.fill) !== mark.fill || cur.noFill === true) w.setFill.push({ address, color: mark.fill });

    let note: string | null = null;
    let via: "note" | "comment" | undefined;
    if (prev && prev.note !== null && prev.via !== annotation) {
      // Written through another API than this host has: leave it, keep remembering it.
      note = prev.note;
      via = prev.via;
    } else if (annotation !== "none" && mark.note !== "") {
      if (cur.note === null) {
        w.addNote.push({ address, text: mark.note, via: annotation });
        note = mark.note;
        via = annotation;
      } else if (noteIsOurs) {
        if (cur.note !== mark.note) w.updateNote.push({ address, text: mark.note, via: annotation });
        note = mark.note;
        via = annotation;
      }
      // Otherwise the user's own note is there: it stays, and the pane lists the issue.
    } else if (noteIsOurs && prev?.via) {
      w.deleteNote.push({ address, via: prev.via });
    }
    const cell: MarkedCell = { fill: mark.fill, original, note };
    if (via) cell.via = via;
    w.cells[address] = cell;
    if (JSON.stringify(prev) !== JSON.stringify(cell)) w.changed = true;
  }
  if (
    w.setFill.length + w.restoreFill.length + w.addNote.length + w.updateNote.length + w.deleteNote.length >
    0
  ) {
    w.changed = true;
  }
  return w;
}

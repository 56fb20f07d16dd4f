/// <reference types="office-js" />
// Kiểm tra in Excel: read the sheet, let shared decide, mark the problem cells (fill + note) and clear the
// marks of the previous run, restoring the user's own fills exactly.
//
// Syncs, whatever the sheet's size:
//   1. read: the grid, the sheet's id and protection, our record of earlier marks (workbook settings);
//   2. read: the current fill and note of each cell to mark or unmark (O(marks), not O(sheet));
//   3. write: everything, with events off, and the record.
// (2) cannot join (1): which cells to read is known only once the check has run, and reading every
// cell's fill up front would cost a payload the size of the sheet. (2) is skipped when there is nothing
// to mark or unmark, (3) when nothing changes.
import type { Grid } from "../../shared/grid/types.ts";
import type { CellMark } from "../../shared/plans/types.ts";
import { syncWithoutEvents } from "./events.ts";
import {
  type Annotation,
  type CellNow,
  cellsToRead,
  MARKS_KEY,
  type MarksRecord,
  marksFor,
  parseRecord,
  planMarkWrites,
} from "./marks-plan.ts";
import { gridFromQueued, queueGridRead, sheetOf } from "./read-grid.ts";
import { type ApiSupport, excelApi, officeApiSupport } from "./support.ts";

export interface MarksOptions {
  support?: ApiSupport;
}

export interface MarkStats {
  /** Cells marked by this run. */
  marked: number;
  /** Stale marks removed (their fill restored when still ours). */
  cleared: number;
  /** How notes were written: Excel notes (1.18), threaded comments (1.10), or not at all. */
  annotation: Annotation;
}

/** Notes need ExcelApi 1.18; threaded comments (1.10) stand in; else the pane alone lists issues. */
export function annotationMode(support: ApiSupport): Annotation {
  if (excelApi(support, "1.18")) return "note";
  if (excelApi(support, "1.10")) return "comment";
  return "none";
}

interface FirstRead {
  sheet: Excel.Worksheet;
  protection: Excel.WorksheetProtection;
  setting: Excel.Setting;
  sheets: Excel.WorksheetCollection;
  comments?: Excel.CommentCollection;
}

/** Queues what marking needs from the first read batch (no sync). */
function queueFirstRead(
  ctx: Excel.RequestContext,
  sheet: Excel.Worksheet,
  annotation: Annotation,
): FirstRead {
  sheet.load("id,name");
  const protection = sheet.protection;
  protection.load("protected,options");
  const setting = ctx.workbook.settings.getItemOrNullObject(MARKS_KEY);
  setting.load("value");
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/id");
  const first: FirstRead = { sheet, protection, setting, sheets };
  if (annotation === "comment") {
    first.comments = sheet.comments;
    first.comments.load("items/id,items/content");
  }
  return first;
}

/** Forgets sheets that no longer exist (a re-rendered sheet has a new id); true when any was. */
function pruneRecord(record: MarksRecord, first: FirstRead): boolean {
  const live = new Set(first.sheets.items.map((s) => s.id));
  let pruned = false;
  for (const id of Object.keys(record.sheets)) {
    if (!live.has(id)) {
      delete record.sheets[id];
      pruned = true;
    }
  }
  return pruned;
}

interface CellsNow {
  now: Record<string, CellNow>;
  commentIds: Map<string, string>;
}

/** Sync 2: what the cells hold now (fill, and the note or comment). */
async function readCellsNow(
  ctx: Excel.RequestContext,
  first: FirstRead,
  addresses: readonly string[],
  support: ApiSupport,
  annotation: Annotation,
): Promise<CellsNow> {
  const { sheet } = first;
  const now: Record<string, CellNow> = {};
  const commentIds = new Map<string, string>();
  if (addresses.length === 0) return { now, commentIds };
  const tint = excelApi(support, "1.9");
  const fills = addresses.map((address) => {
    const fill = sheet.getRange(address).format.fill;
    fill.load(tint ? "color,tintAndShade" : "color");
    return { address, fill };
  });
  const notes =
    annotation === "note"
      ? addresses.map((address) => {
          const note = sheet.notes.getItemOrNullObject(address);
          note.load("content");
          return { address, note };
        })
      : [];
  const comments = (first.comments?.items ?? []).map((comment) => {
    const location = comment.getLocation();
    location.load("address");
    return { comment, location };
  });
  await ctx.sync();
  const commentAt = new Map<string, string>();
  for (const { comment, location } of comments) {
    const local = location.address.slice(location.address.lastIndexOf("!") + 1).replace(/\$/g, "");
    commentAt.set(local, comment.content);
    commentIds.set(local, comment.id);
  }
  const noteAt = new Map(
    notes.map(({ address, note }) => [address, note.isNullObject ? null : note.content]),
  );
  for (const { address, fill } of fills) {
    const tintAndShade: unknown = tint ? fill.tintAndShade : undefined;
    now[address] = {
      fill: String(fill.color),
      noFill: tint ? tintAndShade === null : null,
      note: annotation === "note" ? (noteAt.get(address) ?? null) : (commentAt.get(address) ?? null),
    };
  }
  return { now, commentIds };
}

/** Sync 3: every write, events off, protection lifted and put back as it was. */
async function writeMarks(
  ctx: Excel.RequestContext,
  first: FirstRead,
  writes: ReturnType<typeof planMarkWrites>,
  record: MarksRecord,
  commentIds: ReadonlyMap<string, string>,
  support: ApiSupport,
): Promise<void> {
  const { sheet } = first;
  const wasProtected = first.protection.protected;
  const options = wasProtected ? first.protection.options : undefined;
  await syncWithoutEvents(ctx, support, () => {
    if (wasProtected) sheet.protection.unprotect();
    for (const { address, to } of writes.restoreFill) {
      const fill = sheet.getRange(address).format.fill;
      if (to === "none") fill.clear();
      else fill.color = to;
    }
    for (const { address, color } of writes.setFill) sheet.getRange(address).format.fill.color = color;
    for (const { address, via } of writes.deleteNote) {
      if (via === "note") sheet.notes.getItemOrNullObject(address).delete();
      else commentOf(ctx, support, commentIds.get(address))?.delete();
    }
    for (const { address, text, via } of writes.updateNote) {
      if (via === "note") sheet.notes.getItem(address).content = text;
      else {
        const comment = commentOf(ctx, support, commentIds.get(address));
        if (comment) comment.content = text;
      }
    }
    for (const { address, text, via } of writes.addNote) {
      if (via === "note") sheet.notes.add(address, text);
      else ctx.workbook.comments.add(sheet.getRange(address), text);
    }
    const cells = writes.cells;
    if (Object.keys(cells).length > 0) record.sheets[sheet.id] = cells;
    else delete record.sheets[sheet.id];
    ctx.workbook.settings.add(MARKS_KEY, record);
    if (wasProtected) sheet.protection.protect(options);
  });
}

/** Syncs 2 and 3, after the first read. */
async function markAfterFirstRead(
  ctx: Excel.RequestContext,
  first: FirstRead,
  allMarks: readonly CellMark[],
  support: ApiSupport,
  annotation: Annotation,
): Promise<MarkStats> {
  const { sheet } = first;
  const record: MarksRecord = parseRecord(first.setting.isNullObject ? undefined : first.setting.value);
  const pruned = pruneRecord(record, first);
  const previous = record.sheets[sheet.id] ?? {};
  const marks = marksFor(sheet.name, allMarks);
  const addresses = cellsToRead(previous, marks);
  const { now, commentIds } = await readCellsNow(ctx, first, addresses, support, annotation);
  const writes = planMarkWrites(previous, marks, now, annotation);
  const stats: MarkStats = { marked: marks.size, cleared: addresses.length - marks.size, annotation };
  if (!writes.changed && !pruned) return stats;
  await writeMarks(ctx, first, writes, record, commentIds, support);
  return stats;
}

function commentOf(
  ctx: Excel.RequestContext,
  support: ApiSupport,
  id: string | undefined,
): Excel.Comment | undefined {
  if (id === undefined) return undefined;
  return excelApi(support, "1.14")
    ? ctx.workbook.comments.getItemOrNullObject(id)
    : ctx.workbook.comments.getItem(id);
}

/**
 * Marks `marks` on a sheet and clears the marks of the previous run that are not in `marks`, restoring
 * the cells' own fills. Three syncs at most, whatever the sheet's size.
 */
export async function applyMarks(
  ctx: Excel.RequestContext,
  sheetName: string,
  marks: readonly CellMark[],
  options: MarksOptions = {},
): Promise<MarkStats> {
  const support = options.support ?? officeApiSupport();
  const annotation = annotationMode(support);
  const first = queueFirstRead(ctx, sheetOf(ctx, sheetName), annotation);
  await ctx.sync();
  return markAfterFirstRead(ctx, first, marks, support, annotation);
}

export interface Validation<R> {
  grid: Grid;
  /** What `check` returned. */
  checked: R;
  stats: MarkStats;
}

/**
 * Kiểm tra: reads the sheet (the active one when `sheetName` is undefined) in the same first batch as
 * the marking bookkeeping, hands the grid to `check` (pure: shared's checkSheet + marksPlan), and writes
 * the marks it returns. Three syncs at most, whatever the sheet's size.
 */
export async function checkAndMarkSheet<R extends { marks: readonly CellMark[] }>(
  ctx: Excel.RequestContext,
  sheetName: string | undefined,
  check: (grid: Grid) => R,
  options: MarksOptions = {},
): Promise<Validation<R>> {
  const support = options.support ?? officeApiSupport();
  const annotation = annotationMode(support);
  const queued = queueGridRead(ctx, sheetName);
  const first = queueFirstRead(ctx, queued.sheet, annotation);
  await ctx.sync();
  const grid = gridFromQueued(queued);
  const checked = check(grid);
  const stats = await markAfterFirstRead(ctx, first, checked.marks, support, annotation);
  return { grid, checked, stats };
}

// Notes and threaded comments as Excel keeps them: one per cell, never both on one cell (✘: the fake
// is strict), authored under the workbook's user name; a comment has an id unique in the workbook.

import { richError, unsupported } from "./errors.ts";
import { type CommentState, cellKey, type SheetState, type Target } from "./sheet-state.ts";
import type { WorkbookState } from "./state.ts";

/** A single cell for notes/comments; a multi-cell range throws InvalidArgument (facts §4). */
export function singleCell(t: Target, where: string): number {
  if (t.unbounded !== "none" || t.rect.r0 !== t.rect.r1 || t.rect.c0 !== t.rect.c1) {
    throw richError("InvalidArgument", "The range must be a single cell", where);
  }
  return cellKey(t.rect.r0, t.rect.c0);
}

export function addNote(state: WorkbookState, t: Target, content: unknown, where: string): void {
  state.requireApi("1.18", where);
  const k = singleCell(t, where);
  if (typeof content !== "string") throw richError("InvalidArgument", "A note's content is a string", where);
  state.assertStructureEditable(t.sheet, where, "allowEditObjects");
  if (t.sheet.notes.has(k))
    throw richError("InvalidOperation", "The cell already has a note (✘: strict)", where);
  if (t.sheet.comments.has(k)) {
    throw richError("InvalidOperation", "The cell already has a threaded comment (✘: strict)", where);
  }
  t.sheet.notes.set(k, { content, authorName: state.userName, visible: false, width: 144, height: 79 });
}

export function addComment(state: WorkbookState, t: Target, content: unknown, where: string): string {
  state.requireApi("1.10", where);
  const k = singleCell(t, where);
  if (typeof content !== "string") throw unsupported("rich comment content");
  state.assertStructureEditable(t.sheet, where, "allowEditObjects");
  if (t.sheet.comments.has(k))
    throw richError("InvalidOperation", "The cell already has a comment (✘: strict)", where);
  if (t.sheet.notes.has(k))
    throw richError("InvalidOperation", "The cell already has a note (✘: strict)", where);
  state.commentCounter++;
  const id = `{C0000000-0000-0000-0000-${state.commentCounter.toString(16).toUpperCase().padStart(12, "0")}}`;
  t.sheet.comments.set(k, { id, content, authorName: state.userName });
  return id;
}

export function findComment(
  state: WorkbookState,
  id: string,
): { sheet: SheetState; key: number; comment: CommentState } | undefined {
  for (const sheet of state.liveSheets()) {
    for (const [k, comment] of sheet.comments) if (comment.id === id) return { sheet, key: k, comment };
  }
  return undefined;
}

// Notes (ExcelApi 1.18) and threaded comments (1.10), on a worksheet or on the whole workbook. Both are
// keyed by their cell; a comment is found by its id.

import { MAX_COLS } from "./address.ts";
import { FakeClientObject, FakeCollection, type Readers } from "./client-object.ts";
import type { FakeRequestContext } from "./context.ts";
import { richError } from "./errors.ts";
import { addComment, addNote, findComment, singleCell } from "./notes-and-comments-state.ts";
import { FakeRange } from "./range-proxy.ts";
import { cellKey, type NoteState, type SheetState, type Target } from "./sheet-state.ts";
import type { WorkbookState } from "./state.ts";

interface CellRef {
  sheet: SheetState;
  key: number;
}

export class FakeNote extends FakeClientObject<CellRef> {
  constructor(
    ctx: FakeRequestContext,
    private readonly _resolver: () => CellRef | null,
    orNull = false,
  ) {
    super(ctx, "Note");
    if (orNull) this._resolveAtSync();
  }
  protected _resolve(): CellRef | null {
    return this._resolver();
  }
  protected override _checkLive(t: CellRef): void {
    if (t.sheet.deleted || !t.sheet.notes.has(t.key))
      throw richError("ItemNotFound", "The note no longer exists");
  }
  private _note(): NoteState {
    const t = this._target() as CellRef;
    return t.sheet.notes.get(t.key) as NoteState;
  }
  protected _readers(): Readers {
    return {
      content: () => this._note().content,
      authorName: () => this._note().authorName,
      visible: () => this._note().visible,
      width: () => this._note().width,
      height: () => this._note().height,
    };
  }
  get content(): string {
    return this._get("content");
  }
  set content(v: string) {
    this._set("content", v, (t) => {
      if (typeof v !== "string")
        throw richError("InvalidArgument", "A note's content is a string", "Note.content");
      this._state.assertStructureEditable(t.sheet, "Note.content", "allowEditObjects");
      (t.sheet.notes.get(t.key) as NoteState).content = v;
    });
  }
  get authorName(): string {
    return this._get("authorName");
  }
  get visible(): boolean {
    return this._get("visible");
  }
  delete(): void {
    this._cmd("delete", (t) => {
      this._state.assertStructureEditable(t.sheet, "Note.delete", "allowEditObjects");
      t.sheet.notes.delete(t.key);
    });
  }
  getLocation(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this._target();
      if (t === null) return null;
      const r = Math.floor(t.key / MAX_COLS);
      const c = t.key % MAX_COLS;
      return { sheet: t.sheet, rect: { r0: r, c0: c, r1: r, c1: c }, unbounded: "none" };
    });
  }
}

type Scope = { kind: "workbook" } | { kind: "sheet"; sheet: () => SheetState | null };

function scopeSheets(state: WorkbookState, scope: Scope): SheetState[] | null {
  if (scope.kind === "workbook") return state.liveSheets();
  const s = scope.sheet();
  return s === null ? null : [s];
}

function cellTarget(
  state: WorkbookState,
  scope: Scope,
  cell: FakeRange | string,
  where: string,
  requireSheetInString: boolean,
): Target | null {
  if (typeof cell !== "string") return cell._target();
  if (scope.kind === "workbook" || requireSheetInString) {
    const t = state.resolveQualified(cell, where);
    if (scope.kind === "sheet" && t.sheet !== scope.sheet()) {
      throw richError("InvalidArgument", "The cell is on another sheet", where);
    }
    return t;
  }
  const sheet = scope.sheet();
  if (sheet === null) return null;
  return state.resolveOn(sheet, cell, where);
}

export class FakeNoteCollection extends FakeCollection<FakeNote, SheetState[]> {
  constructor(ctx: FakeRequestContext, sheet: (() => SheetState | null) | null) {
    super(ctx, "NoteCollection");
    this._scope = sheet ? { kind: "sheet", sheet } : { kind: "workbook" };
  }
  private readonly _scope: Scope;
  protected _resolve(): SheetState[] | null {
    this._state.requireApi("1.18", "NoteCollection");
    return scopeSheets(this._state, this._scope);
  }
  protected _members(sheets: SheetState[]): FakeNote[] {
    return sheets.flatMap((sheet) =>
      [...sheet.notes.keys()]
        .sort((a, b) => a - b)
        .map((k) => {
          const p = new FakeNote(this.context, () => ({ sheet, key: k }));
          p._presolve({ sheet, key: k });
          return p;
        }),
    );
  }
  add(cellAddress: FakeRange | string, content: unknown): FakeNote {
    const proxy = new FakeNote(this.context, () => null);
    this.context.queue("NoteCollection.add", () => {
      if (this._target() === null) return;
      const t = cellTarget(this._state, this._scope, cellAddress, "NoteCollection.add", false);
      if (t === null) return;
      addNote(this._state, t, content, "NoteCollection.add");
      proxy._presolve({ sheet: t.sheet, key: cellKey(t.rect.r0, t.rect.c0) });
    });
    return proxy;
  }
  private _byCell(address: string, orNull: boolean): FakeNote {
    return new FakeNote(
      this.context,
      () => {
        if (this._target() === null) return null;
        const t = cellTarget(this._state, this._scope, address, "NoteCollection.getItem", false);
        if (t === null) return null;
        const k = singleCell(t, "NoteCollection.getItem");
        if (t.sheet.notes.has(k)) return { sheet: t.sheet, key: k };
        if (orNull) return null;
        throw richError("ItemNotFound", `No note at ${address}`, "NoteCollection.getItem");
      },
      orNull,
    );
  }
  getItem(key: string): FakeNote {
    return this._byCell(key, false);
  }
  getItemOrNullObject(key: string): FakeNote {
    return this._byCell(key, true);
  }
  getItemAt(index: number): FakeNote {
    return new FakeNote(this.context, () => {
      const sheets = this._target();
      if (sheets === null) return null;
      const all = sheets.flatMap((sheet) =>
        [...sheet.notes.keys()].sort((a, b) => a - b).map((k) => ({ sheet, key: k })),
      );
      const item = all[index];
      if (!item) throw richError("ItemNotFound", `No note at index ${index}`, "NoteCollection.getItemAt");
      return item;
    });
  }
}

interface CommentTarget {
  id: string;
}

export class FakeComment extends FakeClientObject<CommentTarget> {
  constructor(
    ctx: FakeRequestContext,
    private readonly _resolver: () => CommentTarget | null,
    orNull = false,
  ) {
    super(ctx, "Comment");
    if (orNull) this._resolveAtSync();
  }
  protected _resolve(): CommentTarget | null {
    return this._resolver();
  }
  private _found() {
    const t = this._target() as CommentTarget;
    const found = findComment(this._state, t.id);
    if (!found) throw richError("ItemNotFound", "The comment no longer exists");
    return found;
  }
  protected override _checkLive(t: CommentTarget): void {
    if (!findComment(this._state, t.id)) throw richError("ItemNotFound", "The comment no longer exists");
  }
  protected _readers(): Readers {
    return {
      id: () => this._found().comment.id,
      content: () => this._found().comment.content,
      authorName: () => this._found().comment.authorName,
    };
  }
  get id(): string {
    return this._get("id");
  }
  get content(): string {
    return this._get("content");
  }
  set content(v: string) {
    this._set("content", v, () => {
      const f = this._found();
      this._state.assertStructureEditable(f.sheet, "Comment.content", "allowEditObjects");
      f.comment.content = v;
    });
  }
  get authorName(): string {
    return this._get("authorName");
  }
  delete(): void {
    this._cmd("delete", () => {
      const f = this._found();
      this._state.assertStructureEditable(f.sheet, "Comment.delete", "allowEditObjects");
      f.sheet.comments.delete(f.key);
    });
  }
  getLocation(): FakeRange {
    return new FakeRange(this.context, () => {
      if (this._target() === null) return null;
      const f = this._found();
      const r = Math.floor(f.key / MAX_COLS);
      const c = f.key % MAX_COLS;
      return { sheet: f.sheet, rect: { r0: r, c0: c, r1: r, c1: c }, unbounded: "none" };
    });
  }
}

export class FakeCommentCollection extends FakeCollection<FakeComment, SheetState[]> {
  private readonly _scope: Scope;
  constructor(ctx: FakeRequestContext, sheet: (() => SheetState | null) | null) {
    super(ctx, "CommentCollection");
    this._scope = sheet ? { kind: "sheet", sheet } : { kind: "workbook" };
  }
  protected _resolve(): SheetState[] | null {
    this._state.requireApi("1.10", "CommentCollection");
    return scopeSheets(this._state, this._scope);
  }
  protected _members(sheets: SheetState[]): FakeComment[] {
    return sheets.flatMap((sheet) =>
      [...sheet.comments.entries()]
        .sort(([a], [b]) => a - b)
        .map(([, comment]) => {
          const p = new FakeComment(this.context, () => ({ id: comment.id }));
          p._presolve({ id: comment.id });
          return p;
        }),
    );
  }
  add(cellAddress: FakeRange | string, content: unknown, _contentType?: string): FakeComment {
    const proxy = new FakeComment(this.context, () => null);
    this.context.queue("CommentCollection.add", () => {
      if (this._target() === null) return;
      // A string address must include the sheet name (facts §4).
      const t = cellTarget(this._state, this._scope, cellAddress, "CommentCollection.add", true);
      if (t === null) return;
      const id = addComment(this._state, t, content, "CommentCollection.add");
      proxy._presolve({ id });
    });
    return proxy;
  }
  getItem(commentId: string): FakeComment {
    return new FakeComment(this.context, () => {
      if (this._target() === null) return null;
      if (!findComment(this._state, commentId))
        throw richError("ItemNotFound", "No such comment", "CommentCollection.getItem");
      return { id: commentId };
    });
  }
  getItemOrNullObject(commentId: string): FakeComment {
    return new FakeComment(
      this.context,
      () => {
        this._state.requireApi("1.14", "CommentCollection.getItemOrNullObject");
        if (this._target() === null) return null;
        return findComment(this._state, commentId) ? { id: commentId } : null;
      },
      true,
    );
  }
  getItemByCell(cellAddress: FakeRange | string): FakeComment {
    return new FakeComment(this.context, () => {
      if (this._target() === null) return null;
      const t = cellTarget(this._state, this._scope, cellAddress, "CommentCollection.getItemByCell", true);
      if (t === null) return null;
      const k = singleCell(t, "CommentCollection.getItemByCell");
      const comment = t.sheet.comments.get(k);
      if (!comment)
        throw richError("ItemNotFound", "The cell has no comment", "CommentCollection.getItemByCell");
      return { id: comment.id };
    });
  }
  getItemAt(index: number): FakeComment {
    return new FakeComment(this.context, () => {
      const sheets = this._target();
      if (sheets === null) return null;
      const all = sheets.flatMap((s) =>
        [...s.comments.entries()].sort(([a], [b]) => a - b).map(([, c]) => c.id),
      );
      const id = all[index];
      if (id === undefined)
        throw richError("ItemNotFound", `No comment at index ${index}`, "CommentCollection.getItemAt");
      return { id };
    });
  }
}

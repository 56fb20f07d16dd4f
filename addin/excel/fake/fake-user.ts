// A person at the keyboard, for test setup: typing is parsed like real input and raises onChanged; the
// formatting helpers ignore protection so a test can build any starting sheet.

import type { Rect } from "./address.ts";
import { addNote, singleCell } from "./notes-and-comments-state.ts";
import { clearFill, setFill } from "./range-format-state.ts";
import type { ChangedEvent, Target } from "./sheet-state.ts";
import type { WorkbookState } from "./state.ts";
import type { Scalar } from "./typed.ts";

/** What a person does in Excel, for test setup: typing is parsed and raises onChanged like real edits. */
export interface FakeUser {
  /** Types into every cell of `address` (parsed as typed; refused on locked cells of a protected sheet). */
  type(sheet: string, address: string, input: Scalar): void;
  /** Formats cells directly (test setup; ignores protection). null clears to No Fill. */
  fill(sheet: string, address: string, color: string | null): void;
  numberFormat(sheet: string, address: string, format: string): void;
  addNote(sheet: string, address: string, text: string): void;
  /** Changes a note's text (test setup; ignores protection). */
  editNote(sheet: string, address: string, text: string): void;
  protect(sheet: string): void;
  unprotect(sheet: string): void;
  select(sheet: string, ...addresses: string[]): void;
  addSheet(name: string): void;
}

export function createFakeUser(state: WorkbookState, deliver: (events: ChangedEvent[]) => void): FakeUser {
  const target = (sheet: string, address: string): Target =>
    state.resolveOn(state.testSheet(sheet), address, "fake");
  const each = (t: Target, fn: (r: number, c: number) => void) => {
    for (let r = t.rect.r0; r <= t.rect.r1; r++) for (let c = t.rect.c0; c <= t.rect.c1; c++) fn(r, c);
  };
  const flushPending = () => {
    const events = state.pendingEvents;
    state.pendingEvents = [];
    if (events.length > 0) deliver(events);
  };
  return {
    type(sheet, address, input) {
      const t = target(sheet, address);
      state.pendingEvents = [];
      each(t, (r, c) => {
        state.writeContent(
          { sheet: t.sheet, rect: { r0: r, c0: c, r1: r, c1: c }, unbounded: "none" },
          [[input]],
          "user.type",
          "Unknown",
        );
      });
      flushPending();
    },
    fill(sheet, address, color) {
      const t = target(sheet, address);
      const saved = t.sheet.protection;
      t.sheet.protection = { ...saved, protected: false };
      try {
        if (color === null) clearFill(state, t, "user.fill");
        else setFill(state, t, color, "user.fill");
      } finally {
        t.sheet.protection = saved;
      }
    },
    numberFormat(sheet, address, format) {
      const t = target(sheet, address);
      each(t, (r, c) => {
        t.sheet.edit(r, c).numberFormat = format;
      });
    },
    addNote(sheet, address, text) {
      const t = target(sheet, address);
      const saved = t.sheet.protection;
      t.sheet.protection = { ...saved, protected: false };
      try {
        addNote(state, t, text, "user.addNote");
      } finally {
        t.sheet.protection = saved;
      }
    },
    editNote(sheet, address, text) {
      const t = target(sheet, address);
      const note = t.sheet.notes.get(singleCell(t, "user.editNote"));
      if (!note) throw new Error(`fake: no note at ${address}`);
      note.content = text;
    },
    protect(sheet) {
      const s = state.testSheet(sheet);
      s.protection = { ...s.protection, protected: true };
    },
    unprotect(sheet) {
      const s = state.testSheet(sheet);
      s.protection = { ...s.protection, protected: false, password: undefined };
    },
    select(sheet, ...addresses) {
      const s = state.testSheet(sheet);
      state.activate(s, "user.select");
      const rects: Rect[] = addresses.map((a) => state.resolveOn(s, a, "user.select").rect);
      state.selection = { sheetId: s.id, rects };
    },
    addSheet(name) {
      state.addSheet(name, "user.addSheet");
    },
  };
}

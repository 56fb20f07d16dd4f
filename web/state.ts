// The page's state: what was checked, sent and shown. Every change goes through `update`, which redraws
// the page from this state (keeping the focused control), so switching the language redraws everything.
import type { Consolidation, Receipt } from "../shared/api/schemas.ts";
import type { Lang } from "../shared/messages/types.ts";
import type { SubmissionQueue } from "../shared/queue/submission-queue.ts";
import type { CheckedFile } from "./workbook.ts";

export type Said =
  | { key: import("./text.ts").TextKey; params?: Record<string, string | number> }
  | { raw: string };

export interface FileView {
  id: number;
  name: string;
  checked: CheckedFile | null;
  /** Why the file could not be read. */
  failed: Said | null;
  busy: boolean;
  outcome: { tone: "ok" | "warn" | "error"; said: Said } | null;
  receipt: Receipt | null;
}

export interface State {
  lang: Lang;
  token: string;
  /** Names of the units the token sees; null until signed in. */
  units: { code: string; name: string; parent: string | null }[] | null;
  signInError: Said | null;
  signingIn: boolean;
  files: FileView[];
  statusUnit: string;
  statusPeriod: string;
  statusBusy: boolean;
  statusError: Said | null;
  consolidation: Consolidation | null;
  notice: Said | null;
}

export interface AppContext {
  state: State;
  queue: SubmissionQueue;
  update(patch: Partial<State>): void;
  updateFile(id: number, patch: Partial<FileView>): void;
}

// The page's state: what was checked, sent and shown. Every change goes through `update`, which redraws
// the page from this state (keeping the focused control), so switching the language redraws everything.
import type { ReviewListUnit, ReviewSummary } from "../shared/api/reviews.ts";
import type { Consolidation, Receipt, SubmissionsAnswer } from "../shared/api/schemas.ts";
import type { Lang } from "../shared/messages/types.ts";
import type { SubmissionQueue } from "../shared/queue/submission-queue.ts";
import type { OwnReview } from "../shared/review/own-review.ts";
import type { CheckedFile } from "./workbook.ts";

export type Said =
  | { key: import("./text.ts").TextKey; params?: Record<string, string | number> }
  | { raw: string }
  /** A sentence the page has in both languages (the server's, with the next step): follows the switch. */
  | { i18n: { vi: string; en: string } };

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
  /** Review (§3), reviewer side: the state of each unit below the status unit, for the shown period. */
  reviewUnits: ReviewListUnit[] | null;
  /** The review (comment, who, when) of each returned unit, by code. */
  reviewNotes: Record<string, ReviewSummary>;
  /** The report opened for review: its unit's name and the submissions answer it was read from. */
  reviewOpen: { unit: string; name: string; answer: SubmissionsAnswer } | null;
  reviewBusy: boolean;
  reviewError: Said | null;
  /** The comment being typed (kept here so a redraw never loses it). */
  reviewComment: string;
  /** Reporter side: the reports of this token's units that were returned or accepted. */
  ownReviews: OwnReview[];
}

export interface AppContext {
  state: State;
  queue: SubmissionQueue;
  update(patch: Partial<State>): void;
  updateFile(id: number, patch: Partial<FileView>): void;
}

// The plain state the controller publishes and view.ts draws: one object, replaced on every change.
import type { Receipt } from "../../shared/api/schemas.ts";
import type { LocatedHeader } from "../../shared/grid/locate.ts";
import type { Issue } from "../../shared/issues.ts";
import type { Lang } from "../../shared/messages/types.ts";
import type { Refusal } from "../../shared/queue/submission-queue.ts";
import type { Report, Template } from "../../shared/template/types.ts";
import type { Settings } from "../state/settings.ts";
import type { TextKey, TextParams } from "../ui/text.ts";
import type { PaneScreen } from "./controller.ts";
import type { OwnReview, ReviewDesk } from "./review-desk.ts";
import type { OwnScoreView } from "./score-view.ts";
import type { RowChange } from "./submission.ts";

/** Something to tell the user: one of the pane's own texts, or a server's message in both languages. */
export type Said = { key: TextKey; params?: TextParams } | { vi: string; en: string };

export interface Notice {
  tone: "info" | "success" | "warning" | "error";
  said: Said;
}

export interface CheckResult {
  sheet: string;
  issues: Issue[];
  errors: number;
  warnings: number;
  /** Issues with a one-click fix on a cell. */
  fixable: number;
  template: Template | undefined;
  report: Report | null;
  header: LocatedHeader;
  at: string;
}

/** The checked sheet was made from another template than its period uses (shared/template/notice.ts). */
export interface TemplateNews {
  sheet: string;
  period: string;
  /** The period's template, which "Tải mẫu mới" creates. */
  template: { id: string; version: number };
  said: { vi: string; en: string };
}

export interface ReceiptView {
  receipt: Receipt;
  replayed: boolean;
  /** Delivered by a retry from the queue rather than by the first send. */
  fromQueue: boolean;
}

export interface ConflictView {
  unit: string;
  period: string;
  /** The revision the refused report was made on (undefined: none known). */
  ours: number | undefined;
  current: number;
  receivedAt: string | undefined;
  changes: RowChange[];
}

export interface UnitOption {
  code: string;
  name: string;
  parent: string | null;
  depth: number;
}

export interface PulledView {
  /** The first sheet (Tổng hợp); `sheets` lists all three. */
  sheet: string;
  sheets: string[];
  unit: string;
  unitName: string;
  period: string;
  submitted: number;
  expected: number;
  /** Reported after the deadline (a count: the bar's middle part). */
  lateCount: number;
  /** Names of late and missing units. */
  late: string[];
  missing: string[];
  summary: { vi: string; en: string } | null;
  /** The period compared with, restated onto this period's tree. */
  compare?: string;
}

export interface CreateOptions {
  unitCode?: string;
  unitName?: string;
  period?: string;
  reporter?: string;
  phone?: string;
}

export interface PaneState {
  view: PaneScreen;
  lang: Lang;
  settings: Readonly<Settings>;
  /** A long piece of work under way: the progress message. */
  busy: TextKey | null;
  notice: Notice | null;
  check: CheckResult | null;
  /** The checked sheet's template is not the one its period uses: "tải mẫu mới". */
  templateNews: TemplateNews | null;
  /** Asking whether to submit despite warnings. */
  confirm: { warnings: number } | null;
  receipt: ReceiptView | null;
  /** The last submission could not be delivered and waits in the queue. */
  queued: boolean;
  refusal: { itemId: string; refusal: Refusal } | null;
  conflict: ConflictView | null;
  pending: number;
  /** Why the head of the queue is still waiting: the server's HTTP status, or null when it was not reached. */
  lastQueueFailure: { status: number | null } | null;
  units: UnitOption[] | null;
  /** The period whose tree `units` is (GET /v1/units?period=); null: today's tree. */
  unitsPeriod: string | null;
  /** The last consolidated sheet written, with its reporting status. */
  pulled: PulledView | null;
  /** Review (§3): the checked report's own review (reporter side) and the "Duyệt báo cáo" desk. */
  ownReview: OwnReview | null;
  desk: ReviewDesk | null;
  /** Thi đua (§4): the checked report's unit's own score, once asked for (score-view.ts). */
  ownScore: OwnScoreView | null;
  /** Asking whether to replace the sheets of an earlier pull of the same unit and period. */
  pullReplace: { unit: string; period: string; compare: string; sheets: string[] } | null;
  /** How many user actions have finished: lets a caller (the e2e test) wait for the one it started. */
  completed: number;
}

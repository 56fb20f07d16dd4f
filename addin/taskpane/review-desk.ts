// The review in the pane, both sides. Reporter: the review of the report being checked (returned with
// comments, or accepted). Reviewer ("Duyệt báo cáo"): the units below with their state, one opened as a
// read-only sheet, its per-cell comments being drafted. Plain data and small functions; the
// controller runs them in its queue of work.
import type { ApiClient } from "../../shared/api/client.ts";
import type {
  ChangesSince,
  ReviewInfo,
  ReviewItem,
  ReviewListUnit,
  ReviewState,
} from "../../shared/api/reviews.ts";
import type { LocatedRow } from "../../shared/grid/locate.ts";
import type { Lang } from "../../shared/messages/types.ts";
import { reviewMarks } from "../../shared/plans/review-marks.ts";
import { reviewSheetPlan } from "../../shared/plans/review-sheet.ts";
import type { CellMark } from "../../shared/plans/types.ts";
import type { OwnReview } from "../../shared/review/own-review.ts";
import { getTemplate } from "../../shared/template/registry.ts";
import type { ExcelPort } from "./excel-port.ts";

// The reporter's own review is fetched the same way by the web page: it lives in shared/review.
export { fetchOwnReview, type OwnReview } from "../../shared/review/own-review.ts";

export interface OpenReview {
  unit: string;
  name: string;
  period: string;
  revision: number;
  state: ReviewState;
  template: string;
  sheet: string;
  changes: ChangesSince | undefined;
  reviews: ReviewInfo[];
  /** Per-indicator comments drafted from selected cells. */
  items: ReviewItem[];
}

export interface ReviewDesk {
  unit: string;
  period: string;
  units: ReviewListUnit[] | null;
  open: OpenReview | null;
}

export type ReviewClient = Pick<ApiClient, "submissions"> & Partial<Pick<ApiClient, "review" | "reviews">>;

/** The notes a returned report puts on the sheet being checked (none in any other state). */
export function ownReviewMarks(
  own: OwnReview | null,
  report: { unit: string; period: string } | null,
  rows: readonly LocatedRow[],
  sheet: string,
  lang: Lang,
): CellMark[] {
  if (!own || !report || own.unit !== report.unit || own.period !== report.period) return [];
  if (own.review.state !== "returned") return [];
  return reviewMarks(own.review.items ?? [], rows, sheet, own.review.reviewer ?? "", lang);
}

/** Same state, same comments: no need to write the sheet again. */
export function sameOwnReview(a: OwnReview | null, b: OwnReview | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Fetches a unit's report and writes it as the read-only review sheet. */
export async function openReviewSheet(
  client: ReviewClient,
  excel: ExcelPort,
  unit: ReviewListUnit,
  period: string,
): Promise<OpenReview | string> {
  const answer = await client.submissions(unit.unit, period);
  if (!answer.current) return "reviewNothing";
  const template = getTemplate(answer.current.template);
  if (!template) return "reviewNothing";
  const plan = reviewSheetPlan(template, {
    unit: unit.unit,
    unitName: unit.name,
    period,
    revision: answer.current.revision,
    rows: answer.current.rows,
    ...(answer.changes ? { changes: answer.changes } : {}),
  });
  const sheet = await excel.render(plan);
  return {
    unit: unit.unit,
    name: unit.name,
    period,
    revision: answer.current.revision,
    state: answer.review?.state ?? "submitted",
    template: template.id,
    sheet,
    changes: answer.changes,
    reviews: answer.reviews ?? [],
    items: [],
  };
}

/** The drafted comments with `item` added, replacing an earlier one on the same indicator. */
export function withItem(items: readonly ReviewItem[], item: ReviewItem): ReviewItem[] {
  return [...items.filter((i) => i.code !== item.code), item];
}

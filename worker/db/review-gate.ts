// What a submission needs from the review (§3), kept out of submit.ts so its change there is a few
// lines: the facts come as two columns of its first read (CONTEXT), the refusal is checked again by
// the batch's trigger (migration 0005), and the receipt gains what changed since the returned revision.
import type { ChangesSince } from "../../shared/api/review-parts.ts";
import { formatDateTimeVn, formatPeriodEn, formatPeriodVn } from "../../shared/format/vietnam-time.ts";
import { changesBetween } from "../../shared/review/changes.ts";
import type { ReportRow, Template } from "../../shared/template/types.ts";
import { ApiFailure } from "../http/errors.ts";
import { decodeRow, encodeRow, isEmptyRow, type StoredRow, sortRows } from "./codec.ts";
import { latestReviewJsonSql, reviewBaseJsonSql } from "./review-sql.ts";

/** The two CONTEXT columns, for unit ?2 and period ?3. */
export const REVIEW_COLUMNS = `${latestReviewJsonSql("?2", "?3")} AS review, ${reviewBaseJsonSql("?2", "?3")} AS reviewBase`;

export interface ReviewFacts {
  review: string | null;
  reviewBase: string | null;
}

interface LatestJson {
  state: string;
  revision: number;
  reviewedAt: string;
  reviewer: string;
}

/** 423 report_accepted, saying when and by whom when that is known. */
export function reportAccepted(unit: string, period: string, latest?: LatestJson): ApiFailure {
  return new ApiFailure("report_accepted", {
    unit,
    period,
    periodVi: formatPeriodVn(period).toLowerCase(),
    periodEn: formatPeriodEn(period),
    at: latest ? formatDateTimeVn(latest.reviewedAt) : "",
    by: latest?.reviewer ?? "",
  });
}

/** Refuses a submission to an accepted report (what the first read saw). */
export function refuseIfAccepted(facts: ReviewFacts, unit: string, period: string): void {
  if (facts.review === null) return;
  const latest = JSON.parse(facts.review) as LatestJson;
  if (latest.state === "accepted") throw reportAccepted(unit, period, latest);
}

/** Whether a failed write batch was refused by the trigger of an accepted report. */
export const isAcceptedRefusal = (e: unknown): boolean => String(e).includes("report_accepted");

/** Rows as stored then read back: what a comparison with a stored revision must compare. */
export function asStored(template: Template, rows: readonly ReportRow[]): ReportRow[] {
  return rows
    .map((r) => encodeRow(template, r))
    .filter((r) => !isEmptyRow(r))
    .map((r) => decodeRow(template, r));
}

/** A revision's stored figures: the reviewBase column, or one review row's revision and rows. */
export interface ReviewBase {
  revision: number;
  rows: StoredRow[];
}

/** What `rows` change since the base revision, or undefined without one. */
export function changesSinceBase(
  template: Template,
  base: ReviewBase | undefined,
  rows: readonly ReportRow[],
): ChangesSince | undefined {
  if (base === undefined) return undefined;
  const before = sortRows(
    template,
    base.rows.map((r) => decodeRow(template, r)),
  );
  return {
    since: base.revision,
    items: changesBetween(before, sortRows(template, asStored(template, rows))),
  };
}

/** The reviewBase column of CONTEXT, parsed. */
export const parseBase = (json: string | null): ReviewBase | undefined =>
  json === null ? undefined : (JSON.parse(json) as ReviewBase);

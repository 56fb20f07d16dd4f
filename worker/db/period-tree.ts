// Whether a unit is in a period's tree, read inside the submission's first read: the unit alive on the
// period's last day, the caller's unit above it that day, and the unit's life for the message.
import {
  formatDateVn,
  formatPeriodEn,
  formatPeriodVn,
  periodLastDay,
} from "../../shared/format/vietnam-time.ts";
import { FOREVER } from "../../shared/tree/dated.ts";
import { ApiFailure, requestIssue } from "../http/errors.ts";

export interface TreeCheck {
  inTree: boolean;
  held: boolean;
  from: string | null;
  to: string | null;
}

/** Four columns (inTree, held, lifeFrom, lifeTo) as SQL, for unit `asked` on day `day`. */
export function unitInPeriodSql(role: string, unit: string, asked: string, day: string): string {
  return `EXISTS (SELECT 1 FROM unit_versions WHERE code = ${asked} AND valid_from <= ${day} AND valid_to > ${day}) AS inTree,
  IIF(${role} = 'admin', 1, EXISTS (SELECT 1 FROM unit_ancestors WHERE ancestor = ${unit} AND descendant = ${asked}
    AND valid_from <= ${day} AND valid_to > ${day})) AS held,
  (SELECT valid_from FROM units WHERE code = ${asked}) AS lifeFrom,
  (SELECT valid_to FROM units WHERE code = ${asked}) AS lifeTo`;
}

/** 422 unit.not_in_period saying when the unit started or ended; 403 when the caller's unit does not hold it. */
export function checkInPeriod(unit: string, period: string, t: TreeCheck): void {
  if (t.inTree) {
    if (!t.held) throw new ApiFailure("forbidden");
    return;
  }
  const last = formatDateVn(periodLastDay(period));
  const vn = formatPeriodVn(period).replace(/^\p{Lu}/u, (c) => c.toLowerCase());
  const en = formatPeriodEn(period);
  const started = t.from !== null && t.from > periodLastDay(period);
  const day = formatDateVn((started ? t.from : t.to) ?? FOREVER);
  const issue = started
    ? requestIssue(
        "unit.not_in_period",
        "unit",
        `đơn vị ${unit} thành lập từ ngày ${day}, sau ngày cuối của kỳ ${vn} (${last}): không báo cáo cho kỳ này`,
        `unit ${unit} started on ${day}, after the last day of ${en} (${last}): it does not report for that period`,
      )
    : requestIssue(
        "unit.not_in_period",
        "unit",
        `đơn vị ${unit} đã kết thúc từ ngày ${day}, trước ngày cuối của kỳ ${vn} (${last}): gửi báo cáo cho đơn vị kế tục`,
        `unit ${unit} ended on ${day}, before the last day of ${en} (${last}): send the report for its successor`,
      );
  throw new ApiFailure("validation_failed", { count: 1 }, [issue]);
}

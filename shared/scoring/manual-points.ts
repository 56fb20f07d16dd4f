// Which points a person may give: only manual items, never above their maximum. The Worker refuses a
// PUT /v1/scores that breaks this (422 naming items.N.points); clients check the same before sending.
import type { Label } from "../template/types.ts";
import type { ScoreItem, ScoringScheme } from "./types.ts";

export interface PointsIssue {
  field: string;
  code: "score.unknown_item" | "score.not_manual" | "score.above_max" | "score.duplicate_item";
  message: Label;
}

interface GivenPoints {
  code: string;
  points: number;
}

export function schemeItem(scheme: ScoringScheme, code: string): ScoreItem | undefined {
  for (const criterion of scheme.criteria)
    for (const item of criterion.items) if (item.code === code) return item;
  return undefined;
}

function issueOf(
  scheme: ScoringScheme,
  given: GivenPoints,
  index: number,
  seen: Set<string>,
): PointsIssue | undefined {
  const item = schemeItem(scheme, given.code);
  if (item === undefined)
    return {
      field: `items.${index}.code`,
      code: "score.unknown_item",
      message: {
        vi: `Bộ tiêu chí ${scheme.id} không có mục ${given.code}`,
        en: `Scheme ${scheme.id} has no item ${given.code}`,
      },
    };
  if (seen.has(given.code))
    return {
      field: `items.${index}.code`,
      code: "score.duplicate_item",
      message: {
        vi: `Mục ${given.code} được chấm hai lần: giữ một dòng`,
        en: `Item ${given.code} is given twice: keep one`,
      },
    };
  if (item.kind !== "manual")
    return {
      field: `items.${index}.points`,
      code: "score.not_manual",
      message: {
        vi: `Mục ${given.code} (${item.label.vi}) được tính tự động từ số liệu báo cáo: không chấm tay`,
        en: `Item ${given.code} (${item.label.en}) is computed from the report: it cannot be given by hand`,
      },
    };
  if (given.points > item.max)
    return {
      field: `items.${index}.points`,
      code: "score.above_max",
      message: {
        vi: `Mục ${given.code} tối đa ${item.max} điểm, không thể chấm ${given.points}`,
        en: `Item ${given.code} is worth at most ${item.max} points, not ${given.points}`,
      },
    };
  return undefined;
}

export function manualPointsIssues(scheme: ScoringScheme, items: readonly GivenPoints[]): PointsIssue[] {
  const seen = new Set<string>();
  const issues: PointsIssue[] = [];
  items.forEach((given, index) => {
    const issue = issueOf(scheme, given, index, seen);
    if (issue) issues.push(issue);
    seen.add(given.code);
  });
  return issues;
}

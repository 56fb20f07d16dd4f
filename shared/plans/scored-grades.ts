// The grade row (TD01) of the pulled summary once a scheme grades the units (api §4): the row counts the
// grades the scores give the children, and its note says so, with what the reports typed beside it and
// the units whose typed grade disagrees with their score (a warning, never a silent override).
import type { Consolidation } from "../api/schemas.ts";
import type { ScoresAnswer } from "../api/scores.ts";
import { gradeCounts } from "../scoring/score-children.ts";
import type { Grade, Label } from "../template/types.ts";
import { gradeText } from "./compare-columns.ts";

export interface ScoredGrades {
  grades: Record<Grade, number>;
  note: Label;
}

const LISTED = 8;

function listed(codes: readonly string[], more: Label): Label {
  const shown = codes.slice(0, LISTED).join(", ");
  const rest = codes.length - LISTED;
  return rest > 0
    ? {
        vi: `${shown} ${more.vi.replace("{n}", String(rest))}`,
        en: `${shown} ${more.en.replace("{n}", String(rest))}`,
      }
    : { vi: shown, en: shown };
}

/** The counts and the note for the grade row; the typed counts are the consolidation's own. */
export function scoredGrades(c: Consolidation, ranking: ScoresAnswer): ScoredGrades {
  const typed = c.indicators.find((i) => i.kind === "grade")?.grades;
  const n = ranking.units.length;
  const scheme = `${ranking.scheme.id} v${ranking.scheme.version}`;
  const note: Label = {
    vi: `Xếp loại theo điểm thi đua (${scheme}) của ${n} đơn vị trực thuộc; báo cáo tự xếp: ${gradeText(typed) ?? "không có"}`,
    en: `Grades from the emulation scores (${scheme}) of ${n} units below; as typed in the reports: ${gradeText(typed) ?? "none"}`,
  };
  const disagree = ranking.units.filter((u) => u.typedGrade !== undefined).map((u) => u.unit);
  if (disagree.length > 0) {
    const units = listed(disagree, { vi: "và {n} đơn vị khác", en: "and {n} more" });
    note.vi += `. Cảnh báo: ${disagree.length} đơn vị tự xếp khác với điểm (${units.vi})`;
    note.en += `. Warning: ${disagree.length} units typed a grade their score does not give (${units.en})`;
  }
  return { grades: gradeCounts(ranking.units), note };
}

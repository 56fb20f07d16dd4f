// A code keeps its kind in every version of a template. The totals of a period add a code's figures over
// the units below, whatever version each of them reported on, so a money row (thousandths of a million
// đồng) turned into a count (people) would add millions to people. A row that changes what it counts
// takes a new code; the old one retires and keeps its totals.
import type { DefinitionIssue } from "./definition.ts";
import type { Indicator, IndicatorKind } from "./types.ts";

const KIND_VI: Record<IndicatorKind, string> = {
  count: "số đếm",
  money: "số tiền",
  ratio: "tỉ lệ",
  grade: "xếp loại",
};

interface EarlierKind {
  kind: IndicatorKind;
  version: number;
}

/** Every code of the earlier versions with the kind it had, the latest version that had it winning. */
function earlierKinds(
  earlier: readonly { version: number; indicators: readonly Indicator[] }[],
): Map<string, EarlierKind> {
  const kinds = new Map<string, EarlierKind>();
  for (const t of [...earlier].sort((a, b) => a.version - b.version)) {
    for (const i of t.indicators) kinds.set(i.code, { kind: i.kind, version: t.version });
  }
  return kinds;
}

/** Issues for each row of `next` whose code (or former code) had another kind in an earlier version. */
export function kindChangeIssues(
  earlier: readonly { version: number; indicators: readonly Indicator[] }[],
  next: { indicators: readonly Pick<Indicator, "code" | "kind" | "formerCode">[] },
): DefinitionIssue[] {
  const kinds = earlierKinds(earlier);
  const issues: DefinitionIssue[] = [];
  next.indicators.forEach((ind, n) => {
    for (const code of [ind.code, ind.formerCode]) {
      const was = code === undefined ? undefined : kinds.get(code);
      if (code === undefined || was === undefined || was.kind === ind.kind) continue;
      issues.push({
        code: "kind_changed",
        field: `indicators.${n}.kind`,
        vi: `chỉ tiêu ${code} là ${KIND_VI[was.kind]} ở phiên bản ${was.version}, không đổi thành ${KIND_VI[ind.kind]} được: đặt mã mới cho chỉ tiêu này`,
        en: `indicator ${code} is ${was.kind} in version ${was.version} and cannot become ${ind.kind}: give this indicator a new code`,
      });
      break;
    }
  });
  return issues;
}

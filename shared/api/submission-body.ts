// The API body of a checked sheet: the check's report plus the header's reporter. The add-in and the CLI
// both send this, so one sheet means one body whichever client sends it.
import type { LocatedHeader } from "../grid/locate.ts";
import { getTemplate } from "../template/registry.ts";
import type { Report } from "../template/types.ts";
import type { ParsedSubmission, SubmissionRow } from "./schemas.ts";

export type SubmissionMode = "replace" | "merge";

/**
 * A row with nothing in it is left out: in replace mode that is "no data" (the same as a blank row), in
 * merge mode "leave it as it is" (a blank row must not erase the stored figure). A ratio's actual is
 * never sent: the server recomputes it from its parts, and whether a client sees the sheet's formula
 * result (Excel does, a file written without one does not) must not change the body.
 */
export function submissionBody(
  report: Report,
  header: Pick<LocatedHeader, "reporter" | "phone">,
  mode: SubmissionMode = "replace",
): ParsedSubmission {
  const ratios = new Set(
    getTemplate(report.template)
      ?.indicators.filter((i) => i.kind === "ratio")
      .map((i) => i.code),
  );
  const rows: SubmissionRow[] = report.rows
    .map((r) => (ratios.has(r.code) ? { ...r, actual: null } : r))
    .filter((r) => r.target != null || r.actual != null || (r.note ?? "") !== "")
    .map((r) => ({
      code: r.code,
      ...(r.target != null && { target: r.target }),
      ...(r.actual != null && { actual: r.actual }),
      ...(r.note !== undefined && r.note !== "" && { note: r.note }),
    }));
  const reporter = {
    ...(header.reporter ? { name: header.reporter } : {}),
    ...(header.phone ? { phone: header.phone } : {}),
  };
  return {
    unit: report.unit,
    period: report.period,
    template: report.template,
    ...(report.templateVersion !== undefined && { templateVersion: report.templateVersion }),
    mode,
    rows,
    ...(Object.keys(reporter).length > 0 ? { reporter } : {}),
  };
}

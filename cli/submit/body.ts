// The API body of a checked sheet: the shared check's report plus the header's reporter.
import type { ParsedSubmission } from "../../shared/api/schemas.ts";
import type { LocatedHeader } from "../../shared/grid/locate.ts";
import type { Report } from "../../shared/template/types.ts";

export function submissionBodyOf(
  report: Report,
  header: LocatedHeader,
  mode: "replace" | "merge",
): ParsedSubmission {
  // A row with nothing in it is left out: "no data" in replace mode, "leave as it is" in merge mode.
  const rows = report.rows
    .filter((r) => r.target != null || r.actual != null || (r.note ?? "") !== "")
    .map((r) => ({
      code: r.code,
      ...(r.target != null && { target: r.target }),
      ...(r.actual != null && { actual: r.actual }),
      ...(r.note !== undefined && r.note !== "" && { note: r.note }),
    }));
  const reporter = {
    ...(header.reporter !== undefined && { name: header.reporter }),
    ...(header.phone !== undefined && { phone: header.phone }),
  };
  return {
    unit: report.unit,
    period: report.period,
    template: report.template,
    ...(report.templateVersion !== undefined && { templateVersion: report.templateVersion }),
    mode,
    rows,
    ...(Object.keys(reporter).length > 0 && { reporter }),
  };
}

// Additions to the consolidation answer for the wide-province workbook (api-v1-2026 §2, issue 15): the
// names of missing and late units, and one line per expected unit for the "Tình hình nộp" sheet. All
// optional in the answer, so a client still parses an older server's answer (and an older client ignores
// the new fields).
import { z } from "zod";

/** A unit as people read it: its code and its name. */
export const unitRef = z.object({ code: z.string(), name: z.string() });
export type UnitRef = z.infer<typeof unitRef>;

/**
 * A unit's reporting state for a period. `returned` and `accepted` come from review (api §3) and appear
 * only where a server has it.
 */
export const reportState = z.enum(["submitted", "late", "missing", "returned", "accepted"]);
export type ReportState = z.infer<typeof reportState>;

/** One expected unit of the subtree (every unit below the asked one in the period's tree). */
export const reportingUnit = z.object({
  code: z.string(),
  name: z.string(),
  parent: z.string().nullable(),
  status: reportState,
  /** The current revision: revisions are numbered from 1 and never removed, so it also counts them. */
  revision: z.number().int().optional(),
  /** When the current revision was received (ISO instant); clients show it in Vietnam time. */
  lastReceivedAt: z.string().optional(),
  /** When the first revision was received: a report is late when this is after the deadline. */
  firstReceivedAt: z.string().optional(),
  /** From the current revision's body (`reporter`). */
  reporter: z.object({ name: z.string().optional(), phone: z.string().optional() }).optional(),
});
export type ReportingUnit = z.infer<typeof reportingUnit>;

/** A compared period's figures of one indicator, restated onto the asked period's tree (api §1). */
export const previousFigures = z.object({
  target: z.number().optional(),
  actual: z.number().optional(),
  rate: z.number().optional(),
  grades: z.record(z.string(), z.number()).optional(),
});
export type PreviousFigures = z.infer<typeof previousFigures>;

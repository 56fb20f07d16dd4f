// When a report is late: its first receipt strictly after the period's deadline, compared as instants.
// Never as text: "2024-…" sorts after "+010000-…" (a year-10000 deadline), and one instant has many
// spellings (offsets, milliseconds). The Worker's SQL compares julianday() values for the same reason
// (worker/db/late.ts).

/** Milliseconds since the epoch of an ISO date-time; throws rather than guess on anything else. */
export function instant(iso: string, what: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`consolidation: ${what} "${iso}" is not a date-time`);
  return ms;
}

export function isLate(firstReceivedAt: string, deadline: string | null | undefined): boolean {
  if (deadline == null) return false;
  return instant(firstReceivedAt, "firstReceivedAt") > instant(deadline, "deadline");
}

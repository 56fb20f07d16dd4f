// Lateness in SQL, as shared/consolidation/late.ts has it: the first receipt strictly after the
// deadline, compared as instants (julianday), never as text. A deadline SQLite cannot read (none, or
// one stored before deadlines were bounded, such as "+010000-…") makes nothing late, as in the oracle.

/** 1 when the date-time expression `received` is after `deadline`, else 0 (SQL fragments, not values). */
export function lateSql(received: string, deadline: string): string {
  return `IFNULL(julianday(${received}) > julianday(${deadline}), 0)`;
}

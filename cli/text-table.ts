// Plain-text tables for the terminal: summaries and the consolidated table of the demo.

export type Align = "left" | "right";

/** Characters as a terminal shows them (NFC, so "ệ" is one column). */
export function width(s: string): number {
  return [...s.normalize("NFC")].length;
}

/** Cuts to `max` columns, marking the cut with "…". */
export function truncate(s: string, max: number): string {
  const chars = [...s.normalize("NFC")];
  if (chars.length <= max) return s;
  return max <= 1 ? "…".slice(0, max) : `${chars.slice(0, max - 1).join("")}…`;
}

function pad(s: string, w: number, align: Align): string {
  const fill = " ".repeat(Math.max(0, w - width(s)));
  return align === "right" ? fill + s : s + fill;
}

export function textTable(headers: string[], rows: string[][], align: Align[] = []): string {
  const widths = headers.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c] ?? ""))));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => pad(cell, widths[c] ?? 0, align[c] ?? "left"))
      .join("  ")
      .trimEnd();
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

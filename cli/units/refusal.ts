// A change list or import the server refused field by field: each issue said with the CSV line(s) it
// came from (`changes.3.from.1` → the lines of change 3), then the command ends with exit 1.
import { ApiError } from "../../shared/api/client.ts";
import { EXIT } from "../errors.ts";
import { type Io, line } from "../io.ts";

interface Located {
  field?: string;
  message: string;
  i18n?: { vi: string; en: string };
}

/** `changes.3.into` → the lines of change 3; `units.5.parent` → the line of unit 5. */
export function linesOfField(field: string | undefined, lines: readonly (number | number[])[]): number[] {
  const m = /^(?:changes|units)\.(\d+)/.exec(field ?? "");
  const at = m ? lines[Number(m[1])] : undefined;
  return at === undefined ? [] : Array.isArray(at) ? at : [at];
}

/** Prints the refusal's issues with their CSV lines; false when `e` is not a refusal with issues. */
export function printRefusal(
  io: Io,
  file: string,
  e: unknown,
  lines: readonly (number | number[])[],
): boolean {
  if (!(e instanceof ApiError) || !e.envelope?.error.issues?.length) return false;
  const error = e.envelope.error;
  line(
    io.stdout,
    `✗ ${file}: máy chủ không chấp nhận, không có gì được ghi / the server refused it, nothing was written`,
  );
  for (const issue of error.issues as Located[]) {
    const at = linesOfField(issue.field, lines);
    const where = at.length > 0 ? `dòng ${at.join(", ")} / line ${at.join(", ")}` : (issue.field ?? "");
    const text = issue.i18n ? `${issue.i18n.vi} / ${issue.i18n.en}` : issue.message;
    line(io.stdout, `  ${where}: ${text}`);
  }
  return true;
}

/** The CSV's own problems: listed with their places, nothing sent, exit 1. */
export function printProblems(io: Io, file: string, problems: string[]): number {
  line(
    io.stdout,
    `✗ ${file}: ${problems.length} vấn đề, chưa gửi gì / ${problems.length} problem(s), nothing sent`,
  );
  for (const p of problems) line(io.stdout, `  ${p}`);
  line(io.stdout, "  Sửa các dòng trên rồi chạy lại / Fix these lines and run again.");
  return EXIT.invalid;
}

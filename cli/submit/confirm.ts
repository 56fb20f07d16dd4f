// A file whose only issues are warnings is sent only when a person says so: asked on a terminal, or
// `--yes` given beforehand. Without either, it is not sent, and the summary says how to send it.
import type { Issue } from "../../shared/issues.ts";
import { formatIssue } from "../../shared/messages/index.ts";
import type { Lang } from "../../shared/messages/types.ts";
import type { FileCheck } from "../check-file.ts";
import { type Io, line } from "../io.ts";

const YES = /^\s*(c|co|có|y|yes)\s*$/i;

export type Confirmation = { send: true } | { send: false; reasons: string[] };

function warningLines(fc: FileCheck, lang: Lang): string[] {
  return fc.issues
    .filter((i) => i.severity === "warning")
    .map((i) => formatIssue(i, fc.template, lang, "cli"));
}

export async function confirmWarnings(
  fc: FileCheck,
  file: string,
  io: Io,
  lang: Lang,
  yes: boolean,
): Promise<Confirmation> {
  if (fc.warnings === 0 || yes) return { send: true };
  const n = fc.warnings;
  if (!io.ask) {
    return {
      send: false,
      reasons: [
        `${n} cảnh báo: xem lại, rồi gửi bằng baocao submit ${file} --yes / ${n} warning(s): review them, then send with baocao submit ${file} --yes`,
        ...warningLines(fc, lang),
      ],
    };
  }
  line(io.stdout, `${file}: ${n} cảnh báo / ${n} warning(s)`);
  for (const w of warningLines(fc, lang)) line(io.stdout, `  ! ${w}`);
  const answer = await io.ask(`Vẫn gửi ${file}? Send it anyway? [c/y = có/yes, K/N = không/no] `);
  if (YES.test(answer)) return { send: true };
  return { send: false, reasons: [`Không gửi: người dùng chọn không / Not sent: you said no`] };
}

/** Warnings of a sent file: the local check's plus the server's own (outliers need the last period), once each. */
export function countWarnings(
  local: readonly Issue[],
  server: readonly { code: string; indicator?: string; rule?: string }[],
): number {
  const key = (w: { code: string; indicator?: string | undefined; rule?: string | undefined }) =>
    `${w.code}|${w.indicator ?? ""}|${w.rule ?? ""}`;
  const all = new Set(local.filter((i) => i.severity === "warning").map(key));
  for (const w of server) all.add(key(w));
  return all.size;
}

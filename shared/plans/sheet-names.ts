// Sheet names of the consolidated workbook: "<kind> <unit> <period>" within Excel's 31 characters for
// any unit code (up to 64 characters) and period, and never one a user's sheet already has.
const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;

/** A short, stable fingerprint of a code (FNV-1a, base 36): two long codes cut alike stay apart. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).slice(0, 4).toUpperCase();
}

/** Whole code points of `text` up to `max` UTF-16 units (Excel counts UTF-16 units). */
function cut(text: string, max: number): string {
  let out = "";
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/**
 * "Tổng hợp SL 2023"; with a code too long to fit, its start and a fingerprint of the whole code:
 * "Tình hình nộp SL.MA~1K2Q 2023". Characters Excel refuses are removed; no edge apostrophes.
 */
export function pullSheetName(kind: string, unit: string, period: string): string {
  const k = kind.normalize("NFC").replace(FORBIDDEN, "");
  const u = unit.normalize("NFC").replace(FORBIDDEN, "");
  const p = period.replace(FORBIDDEN, "");
  let name = `${k} ${u} ${p}`;
  if (name.length > MAX_SHEET_NAME) {
    const room = MAX_SHEET_NAME - k.length - p.length - 2;
    const tag = `~${fingerprint(u)}`;
    name =
      room > tag.length
        ? `${k} ${cut(u, room - tag.length)}${tag} ${p}`
        : cut(`${k} ${u} ${p}`, MAX_SHEET_NAME);
  }
  name = name.replace(/^[\s']+|[\s']+$/g, "");
  return name === "" ? cut(k, MAX_SHEET_NAME) || "Sheet" : name;
}

/**
 * `wanted`, or "wanted (2)", "wanted (3)" … (cut to fit) when a sheet of that name exists. Excel
 * compares sheet names without case.
 */
export function freeSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLocaleLowerCase()));
  if (!used.has(wanted.toLocaleLowerCase())) return wanted;
  for (let k = 2; ; k++) {
    const suffix = ` (${k})`;
    const name = `${cut(wanted, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
    if (!used.has(name.toLocaleLowerCase())) return name;
  }
}

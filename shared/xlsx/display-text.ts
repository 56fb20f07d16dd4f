// The text Excel displays for a number under a number format (Office.js `Range.text`), approximated for
// the formats reports use: General, 0 / 0.00 / #,##0.00 / 0%, literals, sections, and dates/times.
// Separators are the format code's own invariant ones (en-US: "," groups, "." decimals); Excel in a
// Vietnamese locale shows them swapped, which nothing in the validator depends on.

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const DAY_MS = 86_400_000;

/** Splits on ";" outside quotes and escapes. */
function sections(fmt: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i] ?? "";
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && !quoted) {
      cur += ch + (fmt[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === ";" && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Code without literals, brackets and padding: what decides the kind of format. */
function bare(section: string): string {
  return section
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, "");
}

function isDateFormat(fmt: string): boolean {
  const code = bare(sections(fmt)[0] ?? "");
  return !/^general$/i.test(code.trim()) && /[dmyhs]/i.test(code.replace(/E[+-]/gi, ""));
}

/** Excel's General: up to 10 significant digits, exponent form outside [1e-9, 1e11). */
export function generalText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9)) {
    const [m = "", e = "0"] = n.toExponential(5).split("e");
    const mantissa = m.includes(".") ? m.replace(/0+$/, "").replace(/\.$/, "") : m;
    const exp = Number(e);
    return `${mantissa}E${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  return String(Number(n.toPrecision(10)));
}

/** The literal text a section contributes around its placeholders. */
function literal(tokens: string): string {
  return tokens
    .replace(/"([^"]*)"/g, "$1")
    .replace(/\\(.)/g, "$1")
    .replace(/_./g, " ")
    .replace(/\*./g, "")
    .replace(/\[\$([^\]-]*)(-[^\]]*)?\]/g, "$1")
    .replace(/\[[^\]]*\]/g, "");
}

function numberText(n: number, section: string): string {
  // Keep quoted/escaped literals apart from the placeholder run (the first run of 0 # ? , .).
  const m = /^((?:"[^"]*"|\\.|_.|\*.|\[[^\]]*\]|[^0#?.,%])*)([0#?.,\s]*[0#?])([,]*)(.*)$/s.exec(section);
  if (!m) return literal(section) || generalText(n);
  const [, pre = "", body = "", scale = "", post = ""] = m;
  let v = n;
  const percents = (bare(section).match(/%/g) ?? []).length;
  v *= 100 ** percents;
  v /= 1000 ** scale.length;
  const [intPart = "", fracPart = ""] = body.split(".");
  const decimals = (fracPart.match(/[0#?]/g) ?? []).length;
  const minDecimals = (fracPart.match(/0/g) ?? []).length;
  const minInt = (intPart.match(/0/g) ?? []).length;
  const grouped = intPart.includes(",");
  let [int = "0", frac = ""] = Math.abs(v).toFixed(decimals).split(".");
  frac = frac.replace(/0+$/, "").padEnd(minDecimals, "0");
  if (int === "0" && minInt === 0) int = "";
  int = int.padStart(minInt, "0");
  if (grouped) int = int.replace(/\B(?=(\d{3})+$)/g, ",");
  const sign = v < 0 && Math.abs(v).toFixed(decimals) !== (0).toFixed(decimals) ? "-" : "";
  const digits = body.includes(".") ? `${int}.${frac}` : int;
  return `${literal(pre)}${sign}${digits}${literal(post)}`;
}

function serialToUtc(serial: number, date1904: boolean): Date {
  if (date1904) return new Date(Date.UTC(1904, 0, 1) + serial * DAY_MS);
  // Excel's 1900 system counts a 29 February 1900 that never was (serial 60).
  const base = serial < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(base + Math.round(serial * DAY_MS));
}

function dateText(serial: number, section: string, date1904: boolean): string {
  const d = serialToUtc(serial, date1904);
  const ampm = /AM\/PM|A\/P/i.test(section);
  const hours = d.getUTCHours();
  const pad = (x: number, w = 2) => String(x).padStart(w, "0");
  const tokens = section.match(/"[^"]*"|\\.|_.|\*.|\[[^\]]*\]|AM\/PM|A\/P|y+|m+|d+|h+|s+|./gi) ?? [];
  let out = "";
  let afterHour = false;
  for (const [i, tok] of tokens.entries()) {
    const t = tok.toLowerCase();
    const next =
      tokens
        .slice(i + 1)
        .find((x) => /^[a-z]/i.test(x))
        ?.toLowerCase() ?? "";
    if (t.startsWith("y")) out += t.length <= 2 ? pad(d.getUTCFullYear() % 100) : String(d.getUTCFullYear());
    else if (t.startsWith("m") && !(afterHour || next.startsWith("s"))) {
      const mo = d.getUTCMonth();
      out += [String(mo + 1), pad(mo + 1), MONTHS[mo]?.slice(0, 3), MONTHS[mo], MONTHS[mo]?.[0]][
        Math.min(t.length, 5) - 1
      ];
    } else if (t.startsWith("m")) out += t.length > 1 ? pad(d.getUTCMinutes()) : String(d.getUTCMinutes());
    else if (t.startsWith("d")) {
      const day = d.getUTCDate();
      const wd = DAYS[d.getUTCDay()] ?? "";
      out += [String(day), pad(day), wd.slice(0, 3), wd][Math.min(t.length, 4) - 1];
    } else if (t.startsWith("h")) {
      const h = ampm ? hours % 12 || 12 : hours;
      out += t.length > 1 ? pad(h) : String(h);
    } else if (t.startsWith("s")) out += t.length > 1 ? pad(d.getUTCSeconds()) : String(d.getUTCSeconds());
    else if (t === "am/pm") out += hours < 12 ? "AM" : "PM";
    else if (t === "a/p") out += hours < 12 ? "A" : "P";
    else if (/^\[h+\]$/.test(t)) out += String(Math.floor(serial * 24));
    else out += literal(tok);
    if (t.startsWith("h") || /^\[h+\]$/.test(t)) afterHour = true;
    else if (/^[dy]/.test(t) || (t.startsWith("m") && !afterHour)) afterHour = false;
  }
  return out;
}

/** What Excel shows for number `n` under `numFmt`. */
export function displayText(n: number, numFmt: string, date1904 = false): string {
  if (!Number.isFinite(n)) return String(n);
  const all = sections(numFmt || "General");
  let section = all[0] ?? "General";
  let v = n;
  if (n < 0 && all.length > 1) {
    section = all[1] ?? section;
    v = -n;
  } else if (n === 0 && all.length > 2) section = all[2] ?? section;
  const code = bare(section).trim();
  if (code === "" && section.trim() !== "") return literal(section);
  if (/^general$/i.test(code) || code === "@" || code === "") {
    return literal(section.replace(/general|@/i, "\u0000")).replace("\u0000", generalText(v));
  }
  if (isDateFormat(section)) return v < 0 ? "#".repeat(8) : dateText(v, section, date1904);
  return numberText(v, section);
}

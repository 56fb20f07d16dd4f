// Reading Excel number-format codes (Range.numberFormat), e.g. to tell that Excel turned a typed "1.5"
// into 1 May: the value is then a date serial, and only the format says so.

/** The code without the parts that are displayed literally: "…" strings, \x escapes, _x and *x padding, [..]. */
function formatTokens(code: string): string {
  return code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[[^\]]*\]/g, "");
}

/** A date or time format ("m/d/yyyy", "dd/mm/yyyy", "d-mmm", "h:mm", "[$-42A]dd/mm/yyyy"). */
export function isDateFormat(code: string): boolean {
  if (code === "" || code.toLowerCase() === "general") return false;
  return /[dmyhs]/i.test(formatTokens(code));
}

/** A percent format ("0%", "0.00%"): the cell holds 0.8 and shows "80%". */
export function isPercentFormat(code: string): boolean {
  return formatTokens(code).includes("%");
}

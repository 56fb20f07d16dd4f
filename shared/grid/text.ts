// Comparing what people type in labels: "Mã ĐV :", "ma don vi" and "MÃ ĐƠN VỊ" are the same label.
// Built on shared/parse/fold.ts, the one diacritics/case/space fold; labels also drop a trailing ":" or ".".
import { fold } from "../parse/fold.ts";

/** `fold`, then no trailing colon or dots: "Mã đơn vị:" → "ma don vi". */
export function foldLabel(s: string): string {
  return fold(s)
    .replace(/[\s:：.]+$/, "")
    .trim();
}

/** `foldLabel` without punctuation: "Tỷ lệ đạt (%)" → "ty le dat". For column headers. */
export function foldWords(s: string): string {
  return foldLabel(s)
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

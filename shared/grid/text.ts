// Comparing what people type in labels: "Mã ĐV :", "ma don vi" and "MÃ ĐƠN VỊ" are the same label.

/** Lower case, no diacritics (đ → d), single spaces, no trailing colon or dots. */
export function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[\s:：.]+$/, "")
    .trim();
}

/** `fold` without punctuation: "Tỷ lệ đạt (%)" → "ty le dat". For column headers. */
export function foldWords(s: string): string {
  return fold(s)
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

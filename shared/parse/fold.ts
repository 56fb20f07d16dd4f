// Folding for matching what people type against labels: Vietnamese is typed with or without diacritics,
// with old- or new-style tone placement (hoà / hòa), composed or decomposed, in any case.

/** NFD, strip combining marks, đ→d, lowercase, collapse whitespace (non-breaking spaces included), trim. */
export function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/gu, " ")
    .trim();
}

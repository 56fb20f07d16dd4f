// Colours as Excel reads them back: upper-case #RRGGBB (facts §3: "pink" reads "#FFC0CB").

const NAMED: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  lime: "#00FF00",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  pink: "#FFC0CB",
  gray: "#808080",
  grey: "#808080",
  lightgray: "#D3D3D3",
  lightgrey: "#D3D3D3",
  lightyellow: "#FFFFE0",
  lightgreen: "#90EE90",
  lightblue: "#ADD8E6",
  darkmagenta: "#8B008B",
  purple: "#800080",
  navy: "#000080",
};

/** Normalises "#abc", "#aabbcc" or an HTML colour name; null when Excel would refuse it. */
export function normalizeColor(input: unknown): string | null {
  if (typeof input !== "string") return null;
  const s = input.trim();
  const named = NAMED[s.toLowerCase()];
  if (named) return named;
  if (/^#[0-9a-fA-F]{6}$/.test(s)) return s.toUpperCase();
  if (/^#[0-9a-fA-F]{3}$/.test(s)) {
    const [r = "", g = "", b = ""] = s.slice(1).split("");
    return `#${r}${r}${g}${g}${b}${b}`.toUpperCase();
  }
  return null;
}

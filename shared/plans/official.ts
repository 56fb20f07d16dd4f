// The official look of every workbook we write, as Youth Union documents are laid out: the issuing
// unit top left with "***" under it, "ĐOÀN TNCS HỒ CHÍ MINH" top right with the place and date line
// under it ("Sơn La, ngày 02 tháng 12 năm 2026", Vietnam time), Times New Roman named in every cell
// (LibreOffice otherwise draws bold text in a fallback serif), and the signature block at the foot
// (người lập biểu; T/M Ban Thường vụ).
import { formatLongDateVn, todayInVietnam } from "../format/vietnam-time.ts";
import type { SheetBuilder } from "./builder.ts";

export const OFFICIAL_FONT = { name: "Times New Roman", size: 12 } as const;
export const UNION = "ĐOÀN TNCS HỒ CHÍ MINH";

/** Kinds of unit a name starts with; what follows is the place ("Tỉnh đoàn Sơn La" → "Sơn La"). */
const UNIT_PREFIXES = [
  "tỉnh đoàn",
  "thành đoàn",
  "huyện đoàn",
  "thị đoàn",
  "quận đoàn",
  "đoàn xã",
  "đoàn phường",
  "đoàn thị trấn",
  "đoàn đặc khu",
  "đoàn khối",
  "đoàn trường",
  "đoàn",
];

/** The place of the date line, from the unit's name; dots to fill in by hand when it cannot be told. */
export function placeOf(unitName: string | undefined): string {
  const name = (unitName ?? "").normalize("NFC").trim();
  const lower = name.toLocaleLowerCase("vi");
  for (const prefix of UNIT_PREFIXES) {
    if (lower.startsWith(`${prefix} `)) {
      const rest = name.slice(prefix.length).trim();
      if (rest !== "") return rest;
    }
  }
  return "…………";
}

export interface OfficialHeader {
  unitName: string | undefined;
  /** When the document is made: shown as a Vietnamese long date in Vietnam time. */
  at: Date | string | number;
  place?: string;
  /**
   * A form to fill in (the unit template): the day and month left as dots for the day it is signed,
   * the year of `at`; the unit (dots when unknown) and the date line left unlocked for typing.
   */
  toFill?: boolean;
  /** Columns of the left (issuing unit) and right (union, date line) halves. */
  left: [number, number];
  right: [number, number];
}

/** Dots the reporter writes over, by hand or by typing. */
export const TO_FILL = "……";

/** "Mai Sơn, ngày …… tháng …… năm 2026": the year known, the day it is signed not yet. */
export function dateLineToFill(place: string, at: Date | string | number): string {
  const year = todayInVietnam(new Date(at)).slice(0, 4);
  return `${place}, ngày ${TO_FILL} tháng ${TO_FILL} năm ${year}`;
}

/** Rows 1–2: the issuing unit and "***" on the left; the union and the place and date on the right. */
export function writeOfficialHeader(b: SheetBuilder, h: OfficialHeader): void {
  const center = { horizontalAlignment: "Center" as const };
  const typeable = h.toFill ? { locked: false } : {};
  const known = (h.unitName ?? "").toLocaleUpperCase("vi");
  const unit = known === "" && h.toFill ? TO_FILL.repeat(5) : known;
  b.across(1, h.left[0], h.left[1], unit === "" ? null : unit, {
    ...center,
    bold: true,
    wrapText: true,
    ...(known === "" && typeable),
  });
  b.across(1, h.right[0], h.right[1], UNION, { ...center, bold: true, underline: true });
  b.across(2, h.left[0], h.left[1], "***", center);
  const place = h.place ?? placeOf(h.unitName);
  const line = h.toFill ? dateLineToFill(place, h.at) : `${place}, ${formatLongDateVn(h.at)}`;
  b.across(2, h.right[0], h.right[1], line, { ...center, italic: true, ...typeable });
}

export interface SignatureBlock {
  row: number;
  left: [number, number];
  right: [number, number];
  lang: "vi" | "en";
}

const SIGN = {
  preparer: { vi: "NGƯỜI LẬP BIỂU", en: "PREPARED BY" },
  preparerHint: { vi: "(Ký, ghi rõ họ tên)", en: "(signature and full name)" },
  board: { vi: "T/M BAN THƯỜNG VỤ", en: "FOR THE STANDING COMMITTEE" },
  secretary: { vi: "BÍ THƯ", en: "SECRETARY" },
  boardHint: { vi: "(Ký tên, đóng dấu)", en: "(signature and seal)" },
} as const;

/**
 * Two signature columns: the preparer on the left; on the right the Standing Committee and its
 * secretary, who signs and seals. Returns the last row written.
 */
export function writeSignatureBlock(b: SheetBuilder, s: SignatureBlock): number {
  const bold = { horizontalAlignment: "Center" as const, bold: true };
  const hint = { horizontalAlignment: "Center" as const, italic: true };
  b.across(s.row, s.left[0], s.left[1], SIGN.preparer[s.lang], bold);
  b.across(s.row, s.right[0], s.right[1], SIGN.board[s.lang], bold);
  b.across(s.row + 1, s.left[0], s.left[1], SIGN.preparerHint[s.lang], hint);
  b.across(s.row + 1, s.right[0], s.right[1], SIGN.secretary[s.lang], bold);
  b.across(s.row + 2, s.right[0], s.right[1], SIGN.boardHint[s.lang], hint);
  return s.row + 2;
}

/** Required rows carry "(*)" after their label, explained by this line under the table. */
export const REQUIRED_LEGEND = {
  vi: "(*) Chỉ tiêu bắt buộc báo cáo.",
  en: "(*) Required indicator.",
} as const;

export function markRequired(label: string, required: boolean | undefined): string {
  return required ? `${label} (*)` : label;
}

/** Page numbers in the centre footer ("Trang 1/3"). */
export const PAGE_FOOTER = { vi: "Trang &P/&N", en: "Page &P/&N" } as const;

/** Narrow margins (inches) so a wide table keeps a readable scale on one page width. */
export const NARROW_MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6 } as const;

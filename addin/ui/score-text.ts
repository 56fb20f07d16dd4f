// The pane's words for a unit's own score (thi đua, §4), Vietnamese first: kept apart from text.ts,
// which other features extend. What a criterion misses is worded by shared/scoring/shortfall.ts.
import type { Lang } from "../../shared/messages/types.ts";

export const SCORE_TEXT = {
  title: { vi: "Điểm thi đua", en: "Emulation score" },
  load: { vi: "Xem điểm thi đua {period}", en: "See the {period} score" },
  total: { vi: "{unit}: {total}/{max} điểm · {grade}", en: "{unit}: {total}/{max} points · {grade}" },
  selfReviewed: {
    vi: "Tự chấm {self} điểm, sau thẩm định {reviewed} điểm.",
    en: "Self score {self}, {reviewed} after review.",
  },
  full: { vi: "Không thiếu điểm ở tiêu chí nào.", en: "No criterion is short of points." },
  noScheme: {
    vi: "Kỳ {period} chưa có bộ tiêu chí chấm điểm trên máy chủ.",
    en: "The server has no scoring scheme for {period}.",
  },
  unknownScheme: {
    vi: "Máy chủ chấm theo bộ tiêu chí {scheme} mà bản add-in này chưa biết: cập nhật add-in.",
    en: "The server scores with scheme {scheme}, unknown to this add-in: update the add-in.",
  },
} as const;

export type ScoreTextKey = keyof typeof SCORE_TEXT;

export function st(key: ScoreTextKey, lang: Lang, params: Record<string, string | number> = {}): string {
  return SCORE_TEXT[key][lang].replace(/\{(\w+)\}/g, (m, name: string) =>
    params[name] === undefined ? m : String(params[name]),
  );
}

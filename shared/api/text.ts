// Text as it comes in through the API. A lone UTF-16 surrogate (what cutting emoji at a code-unit
// boundary leaves) cannot be stored: D1 writes UTF-8 and turns it into U+FFFD, so what is stored
// no longer equals what was sent. Such text is refused, naming its field, in every free-text field;
// unit names, printed into sheets and terminals, are also trimmed and hold no control characters.
import { z } from "zod";

/** With the u flag a surrogate pair is one code point, so only a lone half matches. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** C0/C1 controls (NUL, the ESC of ANSI sequences, DEL, line breaks), line/paragraph separators, bidi overrides. */
const CONTROL = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

export function isWellFormed(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}

/**
 * A refusal as a zod custom issue: `params.code` is the API issue's code and `params.vi` its
 * Vietnamese wording (worker/http/validate.ts reads both); the message is the English one.
 */
export interface TextRefusal {
  code: string;
  vi: string;
}

function refuse(ctx: z.RefinementCtx, code: string, vi: string, en: string): void {
  const params: TextRefusal = { code, vi };
  ctx.addIssue({ code: "custom", message: en, params });
}

function checkWellFormed(s: string, ctx: z.RefinementCtx): void {
  if (isWellFormed(s)) return;
  refuse(
    ctx,
    "text.ill_formed",
    "có ký tự hỏng (nửa cặp UTF-16 đơn lẻ, thường do cắt văn bản giữa một biểu tượng cảm xúc); hãy gửi lại văn bản đầy đủ",
    "holds a broken character (a lone UTF-16 surrogate, usually from cutting text inside an emoji); send the whole text again",
  );
}

function checkNoControl(s: string, ctx: z.RefinementCtx): void {
  const found = CONTROL.exec(s)?.[0];
  if (found === undefined) return;
  const at = `U+${(found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
  refuse(
    ctx,
    "text.control_character",
    `có ký tự điều khiển ${at} (ví dụ mã màu của terminal, xuống dòng); hãy xóa nó`,
    `holds the control character ${at} (such as a terminal colour code or a line break); remove it`,
  );
}

/** Free text of at most `max` UTF-16 units, well-formed: notes, reporter, grades as sent. */
export const text = (max: number) => z.string().max(max).superRefine(checkWellFormed);

/** A label people read in lists, sheets and terminals (a unit's kind): no control characters. */
export const label = (max: number) =>
  z.string().trim().max(max).superRefine(checkWellFormed).superRefine(checkNoControl);

/** A unit's name: trimmed, not empty, well-formed, no control characters. */
export const unitName = label(200).superRefine((s, ctx) => {
  if (s.length === 0) {
    refuse(ctx, "text.empty", "tên đơn vị đang trống; hãy nhập tên", "the unit name is empty; type the name");
  }
});

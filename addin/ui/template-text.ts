// The pane's words for a sheet's template version (§5), Vietnamese first: kept apart from text.ts, which
// other features extend. The notice itself is shared/template/notice.ts, the CLI's words.
import type { Lang } from "../../shared/messages/types.ts";

export const TEMPLATE_TEXT = {
  checkedWith: {
    vi: "Kiểm tra theo mẫu {template} v{version}",
    en: "Checked with template {template} v{version}",
  },
  newsTitle: { vi: "Kỳ này dùng mẫu mới", en: "This period uses a new template" },
  newsHint: {
    vi: "Trang này vẫn được kiểm tra theo mẫu của nó. “Tải mẫu mới” tạo một trang mới theo mẫu của kỳ, bên cạnh trang này (không ghi đè).",
    en: "This sheet is still checked with its own template. “Get the new template” creates a new sheet on the period's template beside this one (nothing is overwritten).",
  },
  getNew: { vi: "Tải mẫu mới", en: "Get the new template" },
} as const;

export type TemplateTextKey = keyof typeof TEMPLATE_TEXT;

export function tt(key: TemplateTextKey, lang: Lang, params: Record<string, string | number> = {}): string {
  return TEMPLATE_TEXT[key][lang].replace(/\{(\w+)\}/g, (m, k: string) =>
    k in params ? String(params[k]) : m,
  );
}

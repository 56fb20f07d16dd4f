// What a client says when a sheet was made from another template than the one its period uses:
// "mẫu doan-2024 v1; kỳ này dùng doan-2026: tải mẫu mới". The sheet is still read and checked with
// the version it names; this only tells the reporter a newer form exists.
export interface TemplateRef {
  id: string;
  version: number;
}

export function templateNotice(
  sheet: TemplateRef,
  period: TemplateRef,
): { vi: string; en: string } | undefined {
  if (sheet.id === period.id && sheet.version === period.version) return undefined;
  const now = sheet.id === period.id ? `${period.id} v${period.version}` : period.id;
  return {
    vi: `mẫu ${sheet.id} v${sheet.version}; kỳ này dùng ${now}: tải mẫu mới`,
    en: `template ${sheet.id} v${sheet.version}; this period uses ${now}: download the new template`,
  };
}

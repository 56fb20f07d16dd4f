// Which template a sheet is checked with: the one its "Mẫu:" cell names, at the version it names. The
// check reads the built-in templates; when the sheet names another (a published template, an older
// version), the client looks that one up (kept, or fetched) and checks again. The CLI and the add-in ask
// this one question.
import type { LocatedHeader } from "../grid/locate.ts";
import type { TemplateRef } from "./notice.ts";

/**
 * The template the sheet names when the check did not read it with exactly that one, else undefined.
 * `version` is undefined when the sheet names no version (then the last one known is meant).
 */
export function templateToLookUp(
  header: Pick<LocatedHeader, "templateId" | "templateVersion">,
  checkedWith: TemplateRef | undefined,
): { id: string; version: number | undefined } | undefined {
  const { templateId, templateVersion } = header;
  if (templateId === undefined) return undefined;
  if (
    checkedWith?.id === templateId &&
    (templateVersion === undefined || checkedWith.version === templateVersion)
  )
    return undefined;
  return { id: templateId, version: templateVersion };
}

// One message per issue code, in Vietnamese then English. Each area owns its table; this file joins
// them, names the cell and row ("Ô F14 (PT01 – …): ") and resolves indicator labels in the message's
// language. Numbers reach the tables as numbers, written by format-number.ts for the language, grouped
// or not by purpose (rule.ts groups thousands, 1.200; cell.ts does not, so '92.387' reads as 92387).
// What the user wrote is quoted in single quotes, '…', in every table.
import type { ApiIssue } from "../api/schemas.ts";
import type { Issue, IssueCode } from "../issues.ts";
import type { Template } from "../template/types.ts";
import { cellMessages } from "./cell.ts";
import type { Client } from "./fix-action.ts";
import { gridMessages } from "./grid.ts";
import { ruleMessages } from "./rule.ts";
import type { Lang, MessageParams, MessageTable } from "./types.ts";

/** Every code has a message: a code added to ISSUE_CODES without one is a type error here. */
export const messages: MessageTable<IssueCode> = { ...cellMessages, ...ruleMessages, ...gridMessages };

function labelOf(template: Template | undefined, code: unknown, lang: Lang): string | undefined {
  if (template === undefined || typeof code !== "string") return undefined;
  return template.indicators.find((i) => i.code === code)?.label[lang];
}

function prefix(issue: Issue, label: string | undefined, lang: Lang): string {
  const row =
    issue.indicator === undefined ? undefined : label ? `${issue.indicator} – ${label}` : issue.indicator;
  const cellWord = lang === "vi" ? "Ô" : "Cell";
  const rowWord = lang === "vi" ? "Dòng" : "Row";
  if (issue.cell !== undefined && row !== undefined) return `${cellWord} ${issue.cell} (${row}): `;
  // Without a cell, say when it is the target: "actual" is what a row's issue is about by default.
  const target = issue.field === "target" ? (lang === "vi" ? " (chỉ tiêu giao)" : " (target)") : "";
  if (row !== undefined) return `${rowWord} ${row}${target}: `;
  if (issue.cell !== undefined) return `${cellWord} ${issue.cell}: `;
  return "";
}

/**
 * What a message may use besides the issue's own params: labels of the codes it names, the rule's
 * label, the grade list, all in `lang`. The issue's params win over these on a clash (a grid issue's
 * `template` param is the id the sheet names, not the template used).
 */
function derivedParams(
  issue: Issue,
  template: Template | undefined,
  lang: Lang,
  client: Client,
): MessageParams {
  const derived: MessageParams = { severity: issue.severity, client };
  if (issue.indicator !== undefined) derived.indicator = issue.indicator;
  if (issue.cell !== undefined) derived.cell = issue.cell;
  if (template === undefined) return derived;
  derived.template = template.id;
  const label = labelOf(template, issue.indicator, lang);
  if (label !== undefined) derived.label = label;
  const leftLabel = labelOf(template, issue.params.left, lang);
  if (leftLabel !== undefined) derived.leftLabel = leftLabel;
  const rightLabel = labelOf(template, issue.params.right, lang);
  if (rightLabel !== undefined) derived.rightLabel = rightLabel;
  const rule = template.rules.find((r) => r.id === issue.rule);
  if (rule !== undefined) derived.ruleLabel = rule.label[lang];
  derived.gradeList = template.grades.map((g) => `${g.code} (${g.label[lang]})`).join(", ");
  return derived;
}

/** `client` words the fix action ("Bấm Sửa", "Chạy baocao fix", or neither in an API answer). */
export function formatIssue(
  issue: Issue,
  template: Template | undefined,
  lang: Lang,
  client: Client = "api",
): string {
  const params: MessageParams = { ...derivedParams(issue, template, lang, client), ...issue.params };
  // Issues may come back from storage or the network: an unknown code still says something.
  const message = (messages as Partial<MessageTable<IssueCode>>)[issue.code];
  const sentence = message === undefined ? issue.code : message[lang](params);
  return prefix(issue, labelOf(template, issue.indicator, lang), lang) + sentence;
}

export function toApiIssue(issue: Issue, template: Template | undefined): ApiIssue {
  const vi = formatIssue(issue, template, "vi");
  const en = formatIssue(issue, template, "en");
  return {
    code: issue.code,
    ...(issue.field === undefined ? {} : { field: issue.field }),
    ...(issue.rule === undefined ? {} : { rule: issue.rule }),
    ...(issue.indicator === undefined ? {} : { indicator: issue.indicator }),
    severity: issue.severity,
    message: `${vi} / ${en}`,
    i18n: { vi, en },
  };
}

// Message tables: each area (cell, rule, grid) owns one file mapping its issue codes to a Vietnamese and
// an English sentence; shared/messages/index.ts joins them and adds the cell/row prefix.
import type { IssueCode, IssueParam } from "../issues.ts";

export type Lang = "vi" | "en";

/** What a message can use: the issue's params plus the row's label, already in the message's language. */
export type MessageParams = Record<string, IssueParam> & {
  label?: string;
  indicator?: string;
  cell?: string;
};

export type MessageFn = (p: MessageParams) => string;

export type MessageTable<C extends IssueCode> = { [K in C]: Record<Lang, MessageFn> };

export type CellIssueCode = Extract<IssueCode, `cell.${string}`>;
export type RuleIssueCode = Extract<IssueCode, `rule.${string}`>;
export type GridIssueCode = Extract<IssueCode, `grid.${string}`>;

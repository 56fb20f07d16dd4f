// Data validation as Excel stores it: one rule, prompt and error alert per cell, set over a range, and
// whether a cell satisfies its rule (read back by DataValidation.valid; writes are never refused by it).

import { richError, unsupported } from "./errors.ts";
import {
  cellKey,
  type DvErrorAlert,
  type DvPrompt,
  type DvState,
  type SheetState,
  type Target,
} from "./sheet-state.ts";
import type { WorkbookState } from "./state.ts";

export function setValidationRule(state: WorkbookState, t: Target, rule: unknown, where: string): void {
  state.requireApi("1.8", where);
  if (typeof rule !== "object" || rule === null)
    throw richError("InvalidArgument", "rule is an object", where);
  const entries = Object.entries(rule as Record<string, unknown>).filter(
    ([, v]) => v !== undefined && v !== null,
  );
  if (entries.length !== 1) {
    throw richError("InvalidArgument", "A data validation rule takes exactly one rule type", where);
  }
  const [kind, specRaw] = entries[0] as [string, unknown];
  if (typeof specRaw !== "object" || specRaw === null) {
    throw richError("InvalidArgument", `${kind} needs an object`, where);
  }
  const normalized = normalizeRule(kind, specRaw as Record<string, unknown>, where);
  state.assertStructureEditable(t.sheet, where);
  const ruleState = { [kind]: normalized } as Record<string, Record<string, unknown>>;
  eachDv(t, (dv) => {
    dv.rule = ruleState;
  });
}

/** A rule as it reads back: constants become formulas ("=5"), and only the fields of its type remain. */
function normalizeRule(kind: string, spec: Record<string, unknown>, where: string): Record<string, unknown> {
  const asFormula = (v: unknown, name: string): string => {
    if (typeof v === "number" && Number.isFinite(v)) return `=${v}`;
    if (typeof v === "string" && v.length > 0) return v.startsWith("=") ? v : `=${v}`;
    throw richError("InvalidArgument", `${name} is missing or not a formula`, where);
  };
  switch (kind) {
    case "wholeNumber":
    case "decimal":
    case "textLength":
    case "date":
    case "time": {
      const operators = [
        "Between",
        "NotBetween",
        "EqualTo",
        "NotEqualTo",
        "GreaterThan",
        "LessThan",
        "GreaterThanOrEqualTo",
        "LessThanOrEqualTo",
      ];
      const operator = spec.operator;
      if (typeof operator !== "string" || !operators.includes(operator)) {
        throw richError("InvalidArgument", `operator ${String(operator)} is not valid`, where);
      }
      const normalized: Record<string, unknown> = {
        formula1: asFormula(spec.formula1, "formula1"),
        operator,
      };
      if (operator === "Between" || operator === "NotBetween") {
        normalized.formula2 = asFormula(spec.formula2, "formula2");
      }
      return normalized;
    }
    case "list": {
      const source = spec.source;
      if (typeof source !== "string" || source.length === 0) {
        throw unsupported("list validation with a Range source");
      }
      if (source.length > 255) {
        throw richError("InvalidArgument", "A list source is at most 255 characters (✘: strict)", where);
      }
      return { inCellDropDown: spec.inCellDropDown !== false, source };
    }
    case "custom":
      return { formula: asFormula(spec.formula, "formula") };
    default:
      throw richError("InvalidArgument", `${kind} is not a data validation rule type`, where);
  }
}

/** Each cell's validation, created with Excel's defaults where the cell had none. */
function eachDv(t: Target, apply: (dv: DvState) => void): void {
  if (t.unbounded !== "none") throw unsupported("data validation on unbounded ranges");
  for (let r = t.rect.r0; r <= t.rect.r1; r++) {
    for (let c = t.rect.c0; c <= t.rect.c1; c++) {
      const cell = t.sheet.edit(r, c);
      if (!cell.dv) {
        cell.dv = {
          rule: null,
          prompt: { message: "", showPrompt: false, title: "" },
          errorAlert: { message: "", showAlert: true, style: "Stop", title: "" },
          ignoreBlanks: true,
        };
      }
      apply(cell.dv);
    }
  }
}

export function setValidationPrompt(state: WorkbookState, t: Target, prompt: unknown, where: string): void {
  state.requireApi("1.8", where);
  if (typeof prompt !== "object" || prompt === null)
    throw richError("InvalidArgument", "prompt is an object", where);
  const p = prompt as Partial<DvPrompt>;
  const title = p.title ?? "";
  const message = p.message ?? "";
  // Excel's input message limits: title 32, message 255 characters (✘ for the API: strict).
  if (title.length > 32 || message.length > 255) {
    throw richError(
      "InvalidArgument",
      "A prompt title is at most 32 and a message at most 255 characters",
      where,
    );
  }
  state.assertStructureEditable(t.sheet, where);
  eachDv(t, (dv) => {
    dv.prompt = { message, showPrompt: p.showPrompt === true, title };
  });
}

export function setValidationErrorAlert(
  state: WorkbookState,
  t: Target,
  alert: unknown,
  where: string,
): void {
  state.requireApi("1.8", where);
  if (typeof alert !== "object" || alert === null)
    throw richError("InvalidArgument", "errorAlert is an object", where);
  const a = alert as Partial<DvErrorAlert>;
  const title = a.title ?? "";
  const message = a.message ?? "";
  const style = a.style ?? "Stop";
  if (!["Stop", "Warning", "Information"].includes(style)) {
    throw richError("InvalidArgument", `${style} is not an error alert style`, where);
  }
  // Excel's error alert limits: title 32, message 225 characters (✘ for the API: strict).
  if (title.length > 32 || message.length > 225) {
    throw richError(
      "InvalidArgument",
      "An error title is at most 32 and a message at most 225 characters",
      where,
    );
  }
  state.assertStructureEditable(t.sheet, where);
  eachDv(t, (dv) => {
    dv.errorAlert = { message, showAlert: a.showAlert !== false, style, title };
  });
}

export function clearValidation(state: WorkbookState, t: Target, where: string): void {
  state.requireApi("1.8", where);
  state.assertStructureEditable(t.sheet, where);
  if (t.unbounded !== "none") throw unsupported("data validation on unbounded ranges");
  for (let r = t.rect.r0; r <= t.rect.r1; r++) {
    for (let c = t.rect.c0; c <= t.rect.c1; c++) {
      const cell = t.sheet.cells.get(cellKey(r, c));
      if (cell) cell.dv = null;
    }
  }
}

export function validationType(t: Target): string {
  const types = new Set<string>();
  for (let r = t.rect.r0; r <= t.rect.r1; r++) {
    for (let c = t.rect.c0; c <= t.rect.c1; c++) {
      const rule = t.sheet.get(r, c).dv?.rule;
      const kind = rule ? Object.keys(rule)[0] : undefined;
      types.add(kind ? kind.charAt(0).toUpperCase() + kind.slice(1) : "None");
      if (types.size > 1) return "Inconsistent";
    }
  }
  return [...types][0] ?? "None";
}

/** Whether every cell satisfies its rule (null when mixed) — API writes are never validated. */
export function validationValid(state: WorkbookState, t: Target): boolean | null {
  let all: boolean | null = null;
  for (let r = t.rect.r0; r <= t.rect.r1; r++) {
    for (let c = t.rect.c0; c <= t.rect.c1; c++) {
      const ok = cellValid(state, t.sheet, r, c);
      if (all === null) all = ok;
      else if (all !== ok) return null;
    }
  }
  return all;
}

function cellValid(state: WorkbookState, sheet: SheetState, r: number, c: number): boolean {
  const dv = sheet.get(r, c).dv;
  if (!dv?.rule) return true;
  const { value, type } = state.readValue(sheet, r, c);
  if (type === "Empty") return dv.ignoreBlanks;
  const [kind, spec] = Object.entries(dv.rule)[0] ?? ["", {}];
  const num = (f: unknown): number => {
    const n = Number(String(f).replace(/^=/, ""));
    if (!Number.isFinite(n)) throw unsupported("validation formulas that are not constants");
    return n;
  };
  const compareOp = (x: number): boolean => {
    const a = num(spec.formula1);
    const b = spec.formula2 === undefined ? 0 : num(spec.formula2);
    switch (spec.operator) {
      case "Between":
        return x >= a && x <= b;
      case "NotBetween":
        return x < a || x > b;
      case "EqualTo":
        return x === a;
      case "NotEqualTo":
        return x !== a;
      case "GreaterThan":
        return x > a;
      case "LessThan":
        return x < a;
      case "GreaterThanOrEqualTo":
        return x >= a;
      default:
        return x <= a;
    }
  };
  switch (kind) {
    case "wholeNumber":
      return type === "Double" && Number.isInteger(value) && compareOp(value as number);
    case "decimal":
      return type === "Double" && compareOp(value as number);
    case "textLength":
      return compareOp(state.readText(sheet, r, c).length);
    case "list":
      return String(spec.source)
        .split(",")
        .map((s) => s.trim())
        .includes(state.readText(sheet, r, c));
    default:
      throw unsupported(`checking ${kind} validation`);
  }
}

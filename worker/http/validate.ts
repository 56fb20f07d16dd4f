// Request validation with the shared zod schemas through @hono/zod-validator. A failed parse becomes
// the error envelope, each zod issue naming its field as a dotted path ("rows.3.actual").
import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { z } from "zod";
import type { ApiIssue } from "../../shared/api/schemas.ts";
import type { TextRefusal } from "../../shared/api/text.ts";
import { ApiFailure, requestIssue } from "./errors.ts";

type ZodIssue = z.core.$ZodIssue;

const fieldOf = (path: readonly PropertyKey[]): string =>
  path.length === 0 ? "(body)" : path.map(String).join(".");

/** A zod issue in both languages (zod's own wording is English; the Vietnamese says the same). */
function toIssue(issue: ZodIssue, prefix: string): ApiIssue[] {
  const field = prefix + fieldOf(issue.path);
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) =>
        requestIssue(
          "unrecognized_key",
          issue.path.length === 0 ? prefix + key : `${field}.${key}`,
          "trường này không có trong mẫu, hãy bỏ đi",
          "unknown field, remove it",
        ),
      );
    case "invalid_type":
      return [
        requestIssue(
          "invalid_type",
          field,
          issue.input === undefined ? "thiếu trường bắt buộc" : `cần kiểu ${issue.expected}`,
          issue.message,
        ),
      ];
    case "too_big":
      return [requestIssue("too_big", field, `vượt quá giới hạn ${String(issue.maximum)}`, issue.message)];
    case "too_small":
      return [requestIssue("too_small", field, `nhỏ hơn giới hạn ${String(issue.minimum)}`, issue.message)];
    case "invalid_format":
      return [requestIssue("invalid_format", field, "sai định dạng", issue.message)];
    case "invalid_value":
      return [
        requestIssue(
          "invalid_value",
          field,
          `chỉ nhận ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`,
          issue.message,
        ),
      ];
    case "custom": {
      // The shared schemas' own refusals carry their code and Vietnamese wording (shared/api/text.ts).
      const p = issue.params as Partial<TextRefusal> | undefined;
      return [requestIssue(p?.code ?? "custom", field, p?.vi ?? "giá trị không hợp lệ", issue.message)];
    }
    default:
      return [requestIssue(issue.code, field, "giá trị không hợp lệ", issue.message)];
  }
}

export function zodIssues(issues: readonly ZodIssue[], prefix = ""): ApiIssue[] {
  return issues.flatMap((i) => toIssue(i, prefix));
}

const codeFor: Partial<Record<keyof ValidationTargets, "invalid_body" | "invalid_params">> = {
  json: "invalid_body",
  query: "invalid_params",
  param: "invalid_params",
  header: "invalid_params",
};

/** zValidator whose failures throw the envelope (400 invalid_body / invalid_params, every issue listed). */
export function validated<T extends keyof ValidationTargets, S extends z.ZodType>(target: T, schema: S) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      throw new ApiFailure(codeFor[target] ?? "invalid_params", {}, zodIssues(result.error.issues));
    }
  });
}

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkSchemeDefinition } from "../shared/scoring/definition.ts";
import { tieuChi2021 } from "../shared/scoring/tieu-chi-2021.ts";
import { SCHEME_MIGRATION, schemeMigration } from "./scheme-migration.ts";

const file = fileURLToPath(new URL(`../worker/migrations/${SCHEME_MIGRATION}`, import.meta.url));

describe("migration 0009: the built-in schemes", () => {
  it("holds exactly what scripts/scheme-migration.ts writes from the compiled schemes", () => {
    expect(readFileSync(file, "utf8")).toBe(schemeMigration());
  });

  it("stores tieu-chi-2021 as the built-in definition, which passes the publishing check", () => {
    const stored = /VALUES \('tieu-chi-2021', 1, '(.*)', '2026/.exec(readFileSync(file, "utf8"))?.[1];
    const { version: _v, ...definition } = tieuChi2021;
    expect(JSON.parse((stored ?? "").replaceAll("''", "'"))).toEqual(definition);
    expect(checkSchemeDefinition(definition, "tieu-chi-2021").ok).toBe(true);
  });
});

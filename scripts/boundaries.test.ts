// The one-way imports of docs/architecture.md are enforced by Biome's noRestrictedImports (biome.json,
// "overrides"). This test proves the rule bites: it lints probe files, laid out like the project, with
// the project's own configuration, and reads which imports Biome refused.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

interface Probe {
  file: string;
  from: string;
  allowed: boolean;
}

const PROBES: Probe[] = [
  { file: "shared/a.ts", from: "../worker/index.ts", allowed: false },
  { file: "shared/b.ts", from: "../addin/taskpane/controller.ts", allowed: false },
  { file: "shared/c.ts", from: "../cli/main.ts", allowed: false },
  { file: "shared/d.ts", from: "../web/main.ts", allowed: false },
  { file: "shared/e.ts", from: "node:fs", allowed: false },
  { file: "shared/f.ts", from: "exceljs", allowed: false },
  { file: "shared/g/h.ts", from: "../api/schemas.ts", allowed: true },
  { file: "shared/i.test.ts", from: "node:http", allowed: true },
  { file: "shared/xlsx/a.ts", from: "exceljs", allowed: true },
  { file: "shared/xlsx/b.ts", from: "node:fs", allowed: false },
  { file: "shared/xlsx/c.ts", from: "../../cli/io.ts", allowed: false },
  { file: "worker/a.ts", from: "../addin/state/queue.ts", allowed: false },
  { file: "worker/b.ts", from: "../cli/io.ts", allowed: false },
  { file: "worker/c.ts", from: "exceljs", allowed: false },
  { file: "worker/d.ts", from: "../shared/check.ts", allowed: true },
  { file: "addin/a.ts", from: "../cli/main.ts", allowed: false },
  { file: "addin/b.ts", from: "../web/main.ts", allowed: false },
  { file: "addin/c.ts", from: "../shared/check.ts", allowed: true },
  { file: "cli/a.ts", from: "../addin/state/queue.ts", allowed: false },
  { file: "cli/b.ts", from: "../worker/db/db.ts", allowed: false },
  { file: "cli/c.ts", from: "exceljs", allowed: true },
  { file: "web/a.ts", from: "../addin/taskpane/view.ts", allowed: false },
  { file: "web/b.ts", from: "../cli/xlsx/write-workbook.ts", allowed: false },
  { file: "web/c.ts", from: "../shared/check.ts", allowed: true },
];

interface BiomeReport {
  diagnostics: { category: string; location: { path: string } }[];
}

const dir = mkdtempSync(join(tmpdir(), "baocao-boundaries-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function refusedFiles(): Set<string> {
  const config = JSON.parse(readFileSync(join(ROOT, "biome.json"), "utf8")) as Record<string, unknown>;
  // The probes are not in git: lint them as plain files with the project's rules.
  config.vcs = { enabled: false };
  writeFileSync(join(dir, "biome.json"), JSON.stringify(config));
  for (const probe of PROBES) {
    mkdirSync(dirname(join(dir, probe.file)), { recursive: true });
    writeFileSync(
      join(dir, probe.file),
      `import * as probe from "${probe.from}";\n\nexport const used = probe;\n`,
    );
  }
  let out: string;
  try {
    out = execFileSync(join(ROOT, "node_modules", ".bin", "biome"), ["lint", "--reporter=json", "."], {
      cwd: dir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch (err) {
    // Biome exits 1 when it found errors; its report is still on stdout.
    out = String((err as { stdout?: string }).stdout ?? "");
  }
  const report = JSON.parse(out) as BiomeReport;
  return new Set(
    report.diagnostics
      .filter((d) => d.category === "lint/style/noRestrictedImports")
      .map((d) => d.location.path.replaceAll("\\", "/")),
  );
}

describe("one-way imports", () => {
  const refused = refusedFiles();
  it.each(PROBES)("$file importing $from: allowed $allowed", ({ file, allowed }) => {
    expect(refused.has(file)).toBe(!allowed);
  });
});

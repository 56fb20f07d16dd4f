import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { functionSizes, sourceFiles } from "./code-size.ts";

const LIMIT = 100;

describe("the house limit on function length", () => {
  it("measures a function from its first line to its closing brace, nested ones on their own", () => {
    const dir = mkdtempSync(join(tmpdir(), "code-size-"));
    const file = join(dir, "probe.ts");
    const body = Array.from({ length: 120 }, (_, i) => `  const x${i} = ${i};`).join("\n");
    writeFileSync(
      file,
      `export function long() {\n${body}\n  const inner = () => {\n    return 1;\n  };\n}\n`,
    );
    const sizes = functionSizes(file, dir);
    expect(sizes.find((f) => f.name === "long")?.lines).toBe(125);
    expect(sizes.find((f) => f.name === "inner")?.lines).toBe(3);
  });

  it("no function in shared/, worker/, addin/, cli/ or web/ is over 100 lines", () => {
    const files = ["shared", "worker", "addin", "cli", "web"].flatMap((d) => sourceFiles(d));
    expect(files.length).toBeGreaterThan(200);
    const over = files
      .flatMap((f) => functionSizes(f))
      .filter((f) => f.lines > LIMIT)
      .map((f) => `${f.file}:${f.line} ${f.name} (${f.lines} lines)`);
    expect(over).toEqual([]);
  });
});

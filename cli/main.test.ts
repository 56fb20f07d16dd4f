import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { COMMANDS, run } from "./main.ts";
import { captureIo } from "./testing/fixtures.ts";

describe("baocao", () => {
  it("lists the commands with --help", async () => {
    const c = captureIo(process.cwd());
    expect(await run(["--help"], c.io)).toBe(0);
    for (const cmd of COMMANDS) expect(c.out()).toContain(`  ${cmd.name}`);
  });

  it("has --help for every command", async () => {
    for (const cmd of COMMANDS) {
      const c = captureIo(process.cwd());
      expect(await run([cmd.name, "--help"], c.io), cmd.name).toBe(0);
      expect(c.out()).toContain(`baocao ${cmd.name}`);
      expect(c.out()).toMatch(/Exit: 0/);
    }
  });

  it("says what to do on an unknown command or option (exit 64)", async () => {
    const c = captureIo(process.cwd());
    expect(await run(["valdiate", "x.xlsx"], c.io)).toBe(64);
    expect(c.err()).toContain('Unknown command "valdiate"');
    const o = captureIo(process.cwd());
    expect(await run(["validate", "--colour", "x.xlsx"], o.io)).toBe(64);
    expect(o.err()).toContain("See: baocao validate --help");
  });

  it("refuses an unknown --lang on every command that takes one, before touching a file or server", async () => {
    const calls: [string, string[]][] = [
      ["validate", ["x.xlsx"]],
      ["fix", ["x.xlsx", "--out", "y.xlsx"]],
      ["submit", ["x.xlsx", "--server", "http://127.0.0.1:9", "--token", "t"]],
      ["queue", ["list"]],
      ["pull", ["--unit", "SL", "--period", "2023", "--server", "http://127.0.0.1:9", "--token", "t"]],
    ];
    for (const [name, args] of calls) {
      const c = captureIo(process.cwd());
      expect(await run([name, ...args, "--lang", "fr"], c.io), name).toBe(64);
      expect(c.err(), name).toContain(`--lang takes vi or en, not "fr". See: baocao ${name} --help`);
    }
  });

  it("runs for real through the bin shim", () => {
    const bin = fileURLToPath(new URL("./bin.mjs", import.meta.url));
    const r = spawnSync(process.execPath, [bin, "--help"], { encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("baocao — báo cáo số liệu công tác Đoàn");
    expect(r.stderr).toBe("");
  });
});

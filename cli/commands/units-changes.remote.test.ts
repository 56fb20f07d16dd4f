// baocao units changes (dry run, apply, replay, refusals), units import with dates, and pull --compare,
// against a real `wrangler dev` Worker on a fresh local D1. One story in order: a three-tier tree with
// 2024 reports, the 2025-07-01 restructuring, a 2026 report compared with 2024.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningWorker, startWorker } from "../../scripts/wrangler-dev.ts";
import { createApiClient } from "../../shared/api/client.ts";
import { run } from "../main.ts";
import { captureIo, tempDir } from "../testing/fixtures.ts";

const TREE = [
  "code,name,parent,kind",
  "SL,Tỉnh đoàn Sơn La,,tinh",
  "SL.MAISON,Huyện đoàn Mai Sơn,SL,huyen",
  "SL.MAISON.CHIENGMAI,Đoàn xã Chiềng Mai,SL.MAISON,xa",
  "SL.MAISON.CHIENGBAN,Đoàn xã Chiềng Ban,SL.MAISON,xa",
  "SL.DKCQDN,Đoàn Khối các cơ quan và doanh nghiệp tỉnh,SL,khoi",
].join("\n");

const CHANGES = [
  "type,unit,into,name,parent,kind",
  "close,SL.MAISON,,,,",
  "merge,SL.MAISON.CHIENGMAI,SL.CHIENGMAI,Đoàn xã Chiềng Mai,SL,xa",
  "merge,SL.MAISON.CHIENGBAN,SL.CHIENGMAI,,,",
].join("\n");

let worker: RunningWorker;
const dir = tempDir();
const admin = () => createApiClient({ baseUrl: worker.url, token: worker.adminToken });
const remote = () => ["--server", worker.url, "--token", worker.adminToken];

async function baocao(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const c = captureIo(dir);
  const code = await run(args, c.io);
  return { code, out: c.out(), err: c.err() };
}

async function report(unit: string, period: string, members: number): Promise<void> {
  await admin().submit(
    {
      unit,
      period,
      template: "doan-2024",
      rows: [
        { code: "GD01", actual: 10 },
        { code: "GD04", actual: members },
      ],
    },
    { idempotencyKey: `${unit}-${period}` },
  );
}

beforeAll(async () => {
  worker = await startWorker();
  writeFileSync(join(dir, "tree.csv"), TREE);
  writeFileSync(join(dir, "changes.csv"), CHANGES);
  const imported = await baocao(["units", "import", "tree.csv", ...remote()]);
  if (imported.code !== 0) throw new Error(imported.out + imported.err);
  await report("SL.MAISON.CHIENGMAI", "2024", 300);
  await report("SL.MAISON.CHIENGBAN", "2024", 200);
  await report("SL.DKCQDN", "2024", 1400);
  await report("SL.DKCQDN", "2025", 1450);
}, 180_000);

afterAll(async () => {
  await worker?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("baocao units changes", () => {
  it("names the line and column of every bad row and sends nothing (exit 1)", async () => {
    writeFileSync(
      join(dir, "bad.csv"),
      "type,unit,into,name,parent\nexplode,SL.MAISON,,,\nmove,SL.DKCQDN,,,\n",
    );
    const r = await baocao(["units", "changes", "bad.csv", "--effective", "2025-07-01", ...remote()]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'dòng 2, cột "type" (A) / line 2, column "type" (A): loại thay đổi "explode" không rõ',
    );
    expect(r.out).toContain(
      'dòng 3, cột "into" (C) / line 3, column "into" (C): thiếu mã cấp trên mới / the new parent code is missing',
    );
    expect((await admin().unitTree({ period: "2026" })).units.map((u) => u.code)).toContain("SL.MAISON");
  });

  it("needs --effective as a real date (exit 64)", async () => {
    expect((await baocao(["units", "changes", "changes.csv", ...remote()])).code).toBe(64);
    const r = await baocao(["units", "changes", "changes.csv", "--effective", "31/06/2025", ...remote()]);
    expect(r.code).toBe(64);
    expect(r.err).toContain('--effective "31/06/2025" is not a date');
  });

  it("dry run: prints what would change and the periods holding reports it would rebuild, writes nothing", async () => {
    const r = await baocao([
      "units",
      "changes",
      "changes.csv",
      "--effective",
      "01/07/2025",
      "--dry-run",
      ...remote(),
    ]);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toContain("Dry run, nothing written: changes.csv, hiệu lực từ 01/07/2025");
    expect(r.out).toContain(
      "  + SL.CHIENGMAI Đoàn xã Chiềng Mai (cấp trên / parent SL) ← SL.MAISON.CHIENGMAI, SL.MAISON.CHIENGBAN",
    );
    expect(r.out).toContain("  − SL.MAISON Huyện đoàn Mai Sơn (giải thể / closed)");
    expect(r.out).toContain("  − SL.MAISON.CHIENGBAN Đoàn xã Chiềng Ban → SL.CHIENGMAI");
    expect(r.out).toContain("Periods with reports to rebuild: 2025 (Năm 2025 / 2025)");
    expect(r.out).toContain("Periods ending before 01/07/2025 stay as they are.");
    const tree = (await admin().unitTree({ period: "2026" })).units.map((u) => u.code);
    expect(tree).toContain("SL.MAISON");
    expect(tree).not.toContain("SL.CHIENGMAI");
  });

  it("dry run of a list the server would refuse: the issue with its CSV line (exit 1)", async () => {
    writeFileSync(join(dir, "close-only.csv"), "type,unit\nclose,SL.MAISON\n");
    const r = await baocao([
      "units",
      "changes",
      "close-only.csv",
      "--effective",
      "2025-07-01",
      "--dry-run",
      ...remote(),
    ]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("the list would be refused");
    expect(r.out).toMatch(/dòng 2 \/ line 2: .*SL\.MAISON\.CHIENGBAN, SL\.MAISON\.CHIENGMAI/);
  });

  it("applies the list, says what it did; the same list again changes nothing (exit 0 both)", async () => {
    const first = await baocao(["units", "changes", "changes.csv", "--effective", "2025-07-01", ...remote()]);
    expect(first.code, first.out + first.err).toBe(0);
    expect(first.out).toContain(
      "✓ changes.csv: đã áp dụng, hiệu lực từ 01/07/2025 / applied, effective 01/07/2025",
    );
    expect(first.out).toContain("thành lập / created 1, kết thúc / ended 3, chuyển / moved 0");
    expect(first.out).toContain("các kỳ đã tính lại / periods rebuilt: 2025");
    const again = await baocao(["units", "changes", "changes.csv", "--effective", "2025-07-01", ...remote()]);
    expect(again.code).toBe(0);
    expect(again.out).toContain("this list was applied before, nothing changed");
    const units = (await admin().unitTree({ period: "2026" })).units;
    expect(units.find((u) => u.code === "SL.CHIENGMAI")).toMatchObject({ parent: "SL", from: "2025-07-01" });
    expect(units.some((u) => u.code === "SL.MAISON")).toBe(false);
    expect((await admin().unitTree({ period: "2024" })).units.some((u) => u.code === "SL.MAISON")).toBe(true);
  });

  it("shows the server's refusal of a list with the CSV line of each issue (exit 1)", async () => {
    writeFileSync(
      join(dir, "ended.csv"),
      "type,unit,into\nmove,SL.DKCQDN,SL\nmerge,SL.MAISON.CHIENGMAI,SL\n",
    );
    const r = await baocao(["units", "changes", "ended.csv", "--effective", "2025-09-01", ...remote()]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("the server refused it, nothing was written");
    expect(r.out).toMatch(/dòng 3 \/ line 3: .*SL\.MAISON\.CHIENGMAI/);
  });
});

describe("baocao units import with dates", () => {
  it("refuses to move a stored unit without --effective, and says to add it (exit 1)", async () => {
    writeFileSync(join(dir, "move.csv"), "code,name,parent\nSL.DKCQDN,Đoàn Khối,SL.CHIENGMAI\n");
    const r = await baocao(["units", "import", "move.csv", ...remote()]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("add --effective");
  });

  it("imports a unit with a start date from the from column", async () => {
    writeFileSync(join(dir, "new.csv"), "code,name,parent,kind,from\nSL.NEW,Đoàn xã Mới,SL,xa,01/01/2026\n");
    const r = await baocao(["units", "import", "new.csv", ...remote()]);
    expect(r.code, r.out + r.err).toBe(0);
    const tree2025 = (await admin().unitTree({ period: "2025" })).units.map((u) => u.code);
    const tree2026 = (await admin().unitTree({ period: "2026" })).units.map((u) => u.code);
    expect(tree2025).not.toContain("SL.NEW");
    expect(tree2026).toContain("SL.NEW");
  });
});

describe("baocao pull --compare", () => {
  it("writes the 2026 consolidation beside 2024 restated onto 2026's tree", async () => {
    await report("SL.CHIENGMAI", "2026", 560);
    const r = await baocao([
      "pull",
      "--unit",
      "SL",
      "--period",
      "2026",
      "--compare",
      "2024",
      "--out",
      "tong-hop.xlsx",
      "--print",
      ...remote(),
    ]);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toContain("so với / compared with 2024");
    // The province's 2024 restated equals its 2024 as reported: 300 + 200 + 1,400.
    expect(r.out).toMatch(/GD04 +Tổng số đoàn viên +560 +1\.900 +-70,5/);
    // Chiềng Mai's 2024 is the sum of the two communes it was made from: 300 + 200.
    const c = await admin().consolidation("SL", "2026", "2024");
    const chiengmai = c.children.find((k) => k.unit === "SL.CHIENGMAI");
    expect(chiengmai?.indicators.find((i) => i.code === "GD04")).toMatchObject({
      actual: 560,
      previous: { actual: 500 },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "tong-hop.xlsx"));
    const ws = wb.worksheets[0];
    if (!ws) throw new Error("no sheet in the pulled workbook");
    // The Tổng hợp sheet's header row holds the two compare columns (wherever the plan puts them).
    const texts: string[] = [];
    ws.eachRow((row) => {
      for (const v of row.values as unknown[]) if (typeof v === "string") texts.push(v);
    });
    expect(texts.some((t) => t.startsWith("Cùng kỳ") && t.includes("2024"))).toBe(true);
    expect(texts).toContain("Tăng/giảm (%)");
  });

  it("refuses a malformed compared period (exit 64)", async () => {
    const r = await baocao(["pull", "--unit", "SL", "--period", "2026", "--compare", "2024-Q9", ...remote()]);
    expect(r.code).toBe(64);
    expect(r.err).toContain('Compared period "2024-Q9" is not valid');
  });
});

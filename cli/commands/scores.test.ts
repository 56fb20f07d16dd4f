// baocao scores and baocao scores set against a real `wrangler dev` Worker on a fresh local D1.
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningWorker, startWorker } from "../../scripts/wrangler-dev.ts";
import { createApiClient } from "../../shared/api/client.ts";
import { run } from "../main.ts";
import { captureIo, tempDir } from "../testing/fixtures.ts";
import { parseItem } from "./scores.ts";

let worker: RunningWorker;
let reporter: string;
let reviewer: string;
const dir = tempDir();

const rows = [
  { code: "GD01", actual: 10 },
  { code: "GD02", actual: 10 },
  { code: "GD04", actual: 100 },
  { code: "GD05", actual: 90 },
  { code: "PT02", target: 10, actual: 12 },
];

beforeAll(async () => {
  worker = await startWorker();
  const admin = createApiClient({ baseUrl: worker.url, token: worker.adminToken });
  await admin.importUnits({
    units: [
      { code: "SL", name: "Tỉnh đoàn Sơn La", parent: null },
      { code: "SL.CHIENGMAI", name: "Đoàn xã Chiềng Mai", parent: "SL" },
      { code: "SL.MUONGLA", name: "Đoàn xã Mường La", parent: "SL" },
    ],
  });
  reporter = (await admin.createToken("SL.CHIENGMAI", "reporter")).token;
  reviewer = (await admin.createToken("SL", "reviewer")).token;
  await createApiClient({ baseUrl: worker.url, token: reporter }).submit(
    { unit: "SL.CHIENGMAI", period: "2026", template: "doan-2024", rows },
    { idempotencyKey: "scores-test-1" },
  );
}, 120_000);

afterAll(async () => {
  await worker?.stop();
});

async function baocao(args: string[], token: string) {
  const c = captureIo(dir);
  const code = await run([...args, "--server", worker.url, "--token", token], c.io);
  return { code, out: c.out(), err: c.err() };
}

describe("baocao scores", () => {
  it("prints the ranking of the children, the reporting commune above the silent one", async () => {
    const r = await baocao(["scores", "--unit", "sl", "--period", "2026"], reviewer);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    const chiengMai = lines.findIndex((l) => l.includes("SL.CHIENGMAI"));
    const muongLa = lines.findIndex((l) => l.includes("SL.MUONGLA"));
    expect(chiengMai).toBeGreaterThan(0);
    expect(muongLa).toBeGreaterThan(chiengMai);
    expect(lines[muongLa]).toMatch(/^\s*2\s/);
    expect(lines[muongLa]).toContain("KHT");
  });

  it("shows a unit its own score and where it lost points", async () => {
    const r = await baocao(["scores", "--unit", "SL.CHIENGMAI", "--period", "2026"], reporter);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/SL\.CHIENGMAI Đoàn xã Chiềng Mai: [\d.]+\/500/);
    expect(r.out).toContain("Thiếu 80 điểm ở TC3");
    expect(r.out).toContain("Thiếu 20 điểm ở TC5 – Công tác kiểm tra và thông tin báo cáo: TC5.2");
  });

  it("refuses points above an item's maximum before sending, then saves valid points that raise the total", async () => {
    const before = await baocao(["scores", "--unit", "SL.CHIENGMAI", "--period", "2026"], reporter);
    const total = Number(/: ([\d.]+)\/500/.exec(before.out)?.[1]);
    const refused = await baocao(
      ["scores", "set", "--unit", "SL.CHIENGMAI", "--period", "2026", "--kind", "self", "--item", "TC4.4=60"],
      reporter,
    );
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("tối đa 50 điểm");
    const saved = await baocao(
      [
        "scores",
        "set",
        "--unit",
        "SL.CHIENGMAI",
        "--period",
        "2026",
        "--kind",
        "self",
        "--item",
        "TC4.4=40:Hồ sơ đủ",
      ],
      reporter,
    );
    expect(saved.code).toBe(0);
    const after = await baocao(["scores", "--unit", "SL.CHIENGMAI", "--period", "2026"], reporter);
    expect(Number(/: ([\d.]+)\/500/.exec(after.out)?.[1])).toBe(total + 40);
    const forbidden = await baocao(
      [
        "scores",
        "set",
        "--unit",
        "SL.CHIENGMAI",
        "--period",
        "2026",
        "--kind",
        "reviewed",
        "--item",
        "TC4.4=1",
      ],
      reporter,
    );
    expect(forbidden.code).toBe(3);
  });

  it("writes the Xếp loại sheet with --out", async () => {
    const r = await baocao(
      ["scores", "--unit", "SL", "--period", "2026", "--out", "xep-loai.xlsx"],
      reviewer,
    );
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "xep-loai.xlsx"));
    const sheet = wb.getWorksheet("Xếp loại SL 2026");
    expect(sheet).toBeDefined();
    expect(sheet?.getCell("B8").value).toBe("SL.CHIENGMAI");
    expect(sheet?.getCell("A9").value).toBe(2);
    expect(sheet?.getCell("M9").value).toBe("Không hoàn thành nhiệm vụ");
  });
});

describe("parseItem", () => {
  it("reads ITEM=POINTS[:note] with a decimal comma", () => {
    expect(parseItem("tc4.4=12,5:Đã kiểm tra")).toEqual({ code: "TC4.4", points: 12.5, note: "Đã kiểm tra" });
    expect(() => parseItem("TC4.4")).toThrow(/ITEM=POINTS/);
  });
});

describe("baocao scores by cụm thi đua", () => {
  it("prints one table per cluster (as the sheet groups), the grades TD01 counts, and a typed grade that disagrees", async () => {
    const admin = createApiClient({ baseUrl: worker.url, token: worker.adminToken });
    await admin.importUnits({
      units: [
        { code: "SL.CHIENGMAI", name: "Đoàn xã Chiềng Mai", parent: "SL", cluster: "Cụm 2" },
        { code: "SL.MUONGLA", name: "Đoàn xã Mường La", parent: "SL", cluster: "Cụm 1" },
      ],
    });
    await createApiClient({ baseUrl: worker.url, token: reporter }).submit(
      {
        unit: "SL.CHIENGMAI",
        period: "2026",
        template: "doan-2024",
        rows: [...rows, { code: "TD01", actual: "XS" }],
      },
      { idempotencyKey: "scores-test-typed" },
    );
    const r = await baocao(["scores", "--unit", "SL", "--period", "2026"], reviewer);
    expect(r.code).toBe(0);
    const at = (text: string) => r.out.indexOf(text);
    expect(at("Cụm thi đua: Cụm 1")).toBeGreaterThan(-1);
    expect(at("Cụm thi đua: Cụm 1")).toBeLessThan(at("SL.MUONGLA"));
    expect(at("SL.MUONGLA")).toBeLessThan(at("Cụm thi đua: Cụm 2"));
    expect(at("Cụm thi đua: Cụm 2")).toBeLessThan(at("SL.CHIENGMAI"));
    expect(r.out).toMatch(/SL\.CHIENGMAI .* (KHT|HT|T) \(tự xếp XS\)/);
    expect(r.out).toContain("Xếp loại theo điểm (TD01 đếm theo đây): XS 0,");
    expect(r.out).toContain("Cảnh báo: 1 đơn vị tự xếp loại (TD01) khác với điểm; điểm được tính.");
  });
});

// The add-in and the CLI send the same request body for the same sheet: both build it with
// shared/api/submission-body.ts from the shared check. One sheet, filled the same way in the in-memory
// Excel (the add-in) and in an .xlsx file (the CLI), both sent to one loopback server that keeps what
// it received.
import { rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeExcel } from "../addin/excel/fake/index.ts";
import { createExcelPort } from "../addin/excel/port.ts";
import { defaultSettings, SettingsStore } from "../addin/state/settings.ts";
import { Controller } from "../addin/taskpane/controller.ts";
import { run } from "../cli/main.ts";
import { at, captureIo, tempDir, writeFilled } from "../cli/testing/fixtures.ts";
import type { SubmissionBody } from "../shared/api/schemas.ts";
import { jsonStorage, memoryBackend } from "../shared/queue/storage.ts";
import { SubmissionQueue } from "../shared/queue/submission-queue.ts";

const TOKEN = "tok";
const bodies: SubmissionBody[] = [];
let server: Server;
let base = "";
const dir = tempDir("baocao-same-body-");

/** A clean sheet with a target, a grade, a note, a money figure and blank rows in between. */
const FIGURES: Record<string, string | number> = {
  [at("GD01")]: 120,
  [at("GD02")]: 118,
  [at("GD04")]: 4500,
  [at("GD05")]: 4200,
  [at("PT01", "target")]: 90000,
  [at("PT01")]: 92387,
  [at("PT01", "note")]: "Số liệu đến 30/11",
  [at("PT02")]: 125,
  [at("PT03")]: 555.5,
  [at("TD01")]: "XS",
};

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => {
      raw += c.toString("utf8");
    });
    req.on("end", () => {
      // Only the submission is this test's business; the pane's other reads (its review, the period's
      // template) get a plain "not here", which it takes as "nothing known".
      if (req.method !== "POST" || !req.url?.startsWith("/v1/submissions")) {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { code: "not_found", message: "not here" } }));
        return;
      }
      const body = JSON.parse(raw) as SubmissionBody;
      bodies.push(body);
      res.writeHead(201, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          unit: body.unit,
          period: body.period,
          revision: bodies.length,
          receivedAt: "2023-12-01T03:00:00.000Z",
          warnings: [],
          summary: { withTarget: 1, achieved: 1, exceeded: 1, text: { vi: "đạt 1/1", en: "met 1/1" } },
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

async function sendFromAddin(): Promise<void> {
  const fake = createFakeExcel();
  const storage = jsonStorage(memoryBackend());
  const settings = await SettingsStore.open(storage, { ...defaultSettings(base), token: TOKEN });
  const queue = await SubmissionQueue.open(storage);
  const excel = createExcelPort(fake.run, { support: fake });
  const controller = new Controller({ excel, settings, queue, debounceMs: 20, retryIntervalMs: 60_000 });
  await controller.start();
  try {
    await controller.createTemplate({
      unitCode: "SL.MAISON",
      unitName: "Huyện đoàn Mai Sơn",
      period: "2023",
    });
    for (const [address, value] of Object.entries(FIGURES)) fake.user.type("Báo cáo", address, value);
    await fake.flushEvents();
    await controller.whenIdle();
    await controller.submit();
  } finally {
    await controller.stop();
  }
}

async function sendFromCli(): Promise<void> {
  await writeFilled(join(dir, "bao-cao.xlsx"), FIGURES, {
    unitCode: "SL.MAISON",
    unitName: "Huyện đoàn Mai Sơn",
  });
  const c = captureIo(dir);
  const code = await run(["submit", "bao-cao.xlsx", "--server", base, "--token", TOKEN], c.io);
  if (code !== 0) throw new Error(`baocao submit: ${code}\n${c.out()}${c.err()}`);
}

describe("one sheet, one body", () => {
  it("the add-in and the CLI send the same body for the same sheet", async () => {
    await sendFromAddin();
    await sendFromCli();
    expect(bodies).toHaveLength(2);
    const [addin, cli] = bodies;
    expect(cli).toEqual(addin);
    // And it is the sheet: filled rows only, each with what was typed.
    expect(addin?.rows).toContainEqual({
      code: "PT01",
      target: 90000,
      actual: 92387,
      note: "Số liệu đến 30/11",
    });
    expect(addin?.rows.map((r) => r.code)).toEqual([
      "GD01",
      "GD02",
      "GD04",
      "GD05",
      "PT01",
      "PT02",
      "PT03",
      "TD01",
    ]);
  });
});

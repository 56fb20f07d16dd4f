import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Consolidation, SubmissionBody } from "../../shared/api/schemas.ts";
import type { ScoresAnswer } from "../../shared/api/scores.ts";
import { consolidatedSheetName } from "../../shared/plans/consolidated-sheet.ts";
import { ERROR_FILL } from "../../shared/plans/marks.ts";
import { rankingSheetPlan } from "../../shared/plans/ranking-sheet.ts";
import { TEMPLATE_LAYOUT, templateRows, templateSheetPlan } from "../../shared/plans/template-sheet.ts";
import { rankingOf } from "../../shared/plans/testing.ts";
import { type JsonStorage, jsonStorage, memoryBackend } from "../../shared/queue/storage.ts";
import { SubmissionQueue } from "../../shared/queue/submission-queue.ts";
import { getScheme } from "../../shared/scoring/registry.ts";
import { scoreOwn } from "../../shared/scoring/score-children.ts";
import { templateNotice } from "../../shared/template/notice.ts";

import { getTemplate } from "../../shared/template/registry.ts";
import { createFakeExcel, type FakeExcel } from "../excel/fake/index.ts";
import { createExcelPort } from "../excel/port.ts";
import { defaultSettings, SettingsStore } from "../state/settings.ts";
import { Controller, orderUnits } from "./controller.ts";
import type { ExcelPort } from "./excel-port.ts";
import { ownScoreLines } from "./score-view.ts";

// A real HTTP server on loopback that plays the Worker's API v1 closely enough for the pane: revisions
// per unit and period, Idempotency-Key replay, If-Match conflicts, units and a consolidation. `next`
// scripts failures for the next POSTs ("drop" closes the socket without an answer).
interface Stored {
  revision: number;
  receivedAt: string;
  rows: SubmissionBody["rows"];
}
type Failure = "drop" | "500";
let server: Server;
let base = "";
let next: Failure[] = [];
let posts: { key: string; ifMatch: string | undefined; body: SubmissionBody }[] = [];
let reports: Map<string, Stored[]>;
let keys: Map<string, { body: string; revision: number }>;

const TOKEN = "tok-maison";
const SHEET = "Báo cáo";
const template = getTemplate("doan-2024")!;
const indicatorRows = templateRows(template);
const F = (code: string) => `${TEMPLATE_LAYOUT.columns.actual}${indicatorRows.indicators.get(code)}`;

/** A template only the server knows (not built in): what a province publishes. */
const PROVINCE_2026 = { ...getTemplate("doan-2026")!, id: "tinh-sl-2026", version: 3 };
const PROVINCE_2026_V2 = {
  ...PROVINCE_2026,
  version: 2,
  title: { vi: "Mẫu tỉnh (bản 2)", en: "Province (v2)" },
};

const UNITS = [
  { code: "SL.SOPCOP", name: "Huyện đoàn Sốp Cộp", parent: "SL" },
  { code: "SL", name: "Tỉnh đoàn Sơn La", parent: null },
  { code: "SL.MAISON", name: "Huyện đoàn Mai Sơn", parent: "SL" },
];

const CONSOLIDATION: Consolidation = {
  unit: "SL",
  name: "Tỉnh đoàn Sơn La",
  period: "2023",
  template: "doan-2024",
  indicators: [
    { code: "PT01", kind: "count", actual: 102387 },
    { code: "KN03", kind: "money", actual: 330.5 },
    { code: "GD03", kind: "ratio", actual: 97.5 },
    { code: "TD01", kind: "grade", grades: { XS: 1, T: 1, HT: 0, KHT: 0 } },
  ],
  children: [
    {
      unit: "SL.MAISON",
      name: "Huyện đoàn Mai Sơn",
      indicators: [{ code: "PT01", kind: "count", actual: 92387 }],
    },
    {
      unit: "SL.SOPCOP",
      name: '=HYPERLINK("x")',
      indicators: [{ code: "PT01", kind: "count", actual: 10000 }],
    },
  ],
  reporting: { expected: 3, submitted: 2, late: 0, missing: ["SL.VANHO"] },
};

/** GET /v1/units?period=2026: the two-tier tree after 2025-07-01 (Mai Sơn's district union ended). */
const UNITS_2026 = [
  { code: "SL", name: "Tỉnh đoàn Sơn La", parent: null },
  { code: "SL.CHIENGMAI", name: "Đoàn xã Chiềng Mai", parent: "SL", from: "2025-07-01" },
  { code: "SL.SOPCOP.MUONGLAN", name: "Đoàn xã Mường Lạn", parent: "SL" },
];

/** What GET /v1/scores answers; undefined: 404, as a server without a scheme (or an older one). */
let scoresReply: ScoresAnswer | undefined;

/** What GET /v1/consolidation answers; a test may swap it. */
let consolidationAnswer: Consolidation = CONSOLIDATION;
/** The query strings GET /v1/consolidation was asked with. */
let consolidationQueries: URLSearchParams[] = [];

function receipt(body: SubmissionBody, revision: number, receivedAt: string) {
  return {
    unit: body.unit,
    period: body.period,
    revision,
    receivedAt,
    warnings: [],
    summary: {
      withTarget: 0,
      achieved: 0,
      exceeded: 0,
      text: { vi: "đạt 0/0 chỉ tiêu", en: "met 0/0 targets" },
    },
  };
}

function handle(req: IncomingMessage, res: ServerResponse, raw: string) {
  const send = (status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  if (req.headers.authorization !== `Bearer ${TOKEN}`) {
    return send(401, { error: { code: "unauthenticated", message: "Thiếu mã / No token" } });
  }
  const url = new URL(req.url ?? "/", base);
  const slot = `${url.searchParams.get("unit")}|${url.searchParams.get("period")}`;
  if (req.method === "GET" && url.pathname === "/v1/units") {
    const period = url.searchParams.get("period");
    if (period === null) return send(200, { units: UNITS });
    const at = `${period.slice(0, 4)}-12-31`;
    return send(200, { at, period, units: period >= "2025" ? UNITS_2026 : UNITS });
  }
  // The 2026 period runs on a province's published template.
  if (req.method === "GET" && url.pathname === "/v1/periods/2026") {
    return send(200, { period: "2026", deadline: null, locked: false, template: PROVINCE_2026.id });
  }
  if (req.method === "GET" && url.pathname === `/v1/templates/${PROVINCE_2026.id}`)
    return send(200, PROVINCE_2026);
  // An older version of it, which an earlier sheet was made from.
  if (req.method === "GET" && url.pathname === `/v1/templates/${PROVINCE_2026.id}/versions/2`)
    return send(200, PROVINCE_2026_V2);
  if (req.method === "GET" && url.pathname === "/v1/consolidation") {
    consolidationQueries.push(url.searchParams);
    const compare = url.searchParams.get("compare");
    if (compare === null) return send(200, consolidationAnswer);
    const previous = (actual: number | undefined) =>
      actual === undefined ? {} : { previous: { actual: actual - 1000 } };
    return send(200, {
      ...consolidationAnswer,
      compare: { period: compare },
      indicators: consolidationAnswer.indicators.map((i) => ({ ...i, ...previous(i.actual) })),
    });
  }
  if (req.method === "GET" && url.pathname === "/v1/scores" && scoresReply !== undefined)
    return send(200, scoresReply);
  if (req.method === "GET" && url.pathname === "/v1/submissions") {
    const list = reports.get(slot) ?? [];
    const last = list.at(-1);
    return send(200, {
      unit: url.searchParams.get("unit"),
      period: url.searchParams.get("period"),
      current: last
        ? { revision: last.revision, receivedAt: last.receivedAt, template: "doan-2024", rows: last.rows }
        : null,
      revisions: list.map((r) => ({
        revision: r.revision,
        receivedAt: r.receivedAt,
        submittedBy: "t",
        mode: "replace",
        digest: "d",
      })),
    });
  }
  if (req.method === "POST" && url.pathname === "/v1/submissions") {
    const body = JSON.parse(raw) as SubmissionBody;
    const key = String(req.headers["idempotency-key"]);
    const ifMatch = req.headers["if-match"] as string | undefined;
    posts.push({ key, ifMatch, body });
    const failure = next.shift();
    if (failure === "drop") {
      req.socket.destroy();
      return;
    }
    if (failure === "500") return send(500, { error: { code: "internal", message: "Lỗi / Error" } });
    const list = reports.get(`${body.unit}|${body.period}`) ?? [];
    const seen = keys.get(key);
    if (seen) {
      const stored = list.find((r) => r.revision === seen.revision)!;
      return send(200, receipt(body, seen.revision, stored.receivedAt));
    }
    const current = list.at(-1)?.revision ?? 0;
    if (ifMatch !== undefined && ifMatch !== `"${current}"`) {
      return send(409, {
        error: {
          code: "revision_conflict",
          message: "Đã có bản mới / Newer revision",
          currentRevision: current,
        },
      });
    }
    const stored = { revision: current + 1, receivedAt: "2024-01-05T03:00:00.000Z", rows: body.rows };
    reports.set(`${body.unit}|${body.period}`, [...list, stored]);
    keys.set(key, { body: raw, revision: stored.revision });
    return send(201, receipt(body, stored.revision, stored.receivedAt));
  }
  send(404, { error: { code: "not_found", message: "Không có / None" } });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => {
      raw += c.toString("utf8");
    });
    req.on("end", () => handle(req, res, raw));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

let fake: FakeExcel;
let storage: JsonStorage;
let controller: Controller;
let checks: number;

async function openController(serverUrl = base): Promise<Controller> {
  const port = createExcelPort(fake.run, { support: fake });
  // Counts the checks the controller asks for, to see that our own writes do not trigger one.
  const counted: ExcelPort = {
    ...port,
    validate: (sheet, check) => {
      checks += 1;
      return port.validate(sheet, check);
    },
  };
  const settings = await SettingsStore.open(storage, { ...defaultSettings(serverUrl), token: TOKEN });
  const queue = await SubmissionQueue.open(storage);
  const c = new Controller({
    excel: counted,
    settings,
    queue,
    debounceMs: 20,
    retryIntervalMs: 60_000,
    templateStore: storage,
  });
  await c.start();
  return c;
}

beforeEach(async () => {
  consolidationAnswer = CONSOLIDATION;
  scoresReply = undefined;
  consolidationQueries = [];
  next = [];
  posts = [];
  reports = new Map();
  keys = new Map();
  checks = 0;
  fake = createFakeExcel();
  storage = jsonStorage(memoryBackend());
  controller = await openController();
});
afterEach(async () => {
  await controller.stop();
});

/** Tạo mẫu, then the seed figures typed as a person would (events raised like real edits). */
async function createAndFill(cells: Record<string, string | number>): Promise<void> {
  await controller.createTemplate({ unitCode: "SL.MAISON", unitName: "Huyện đoàn Mai Sơn", period: "2023" });
  for (const [address, value] of Object.entries(cells)) fake.user.type(SHEET, address, value);
  await fake.flushEvents();
  await controller.whenIdle();
}

const CLEAN = {
  [F("GD01")]: 120,
  [F("GD02")]: 120,
  [F("GD04")]: 15000,
  [F("PT01")]: 92387,
  [F("KN02")]: 1758,
};
const MISTAKES = { ...CLEAN, [F("GD02")]: 150, [F("PT01")]: "'92.387", [F("XD03")]: "12 người" };

describe("Kiểm tra and Sửa", () => {
  it("finds the three mistakes on their cells, marks them, and Sửa tất cả leaves only GD02 > GD01", async () => {
    await createAndFill(MISTAKES);
    const check = await controller.validate();
    expect(check?.issues.map((i) => [i.cell, i.code])).toEqual([
      [F("GD02"), "rule.compare"],
      [F("PT01"), "cell.text_number"],
      [F("XD03"), "cell.number_with_unit"],
    ]);
    expect(controller.state.check).toMatchObject({ errors: 3, warnings: 0, fixable: 2, sheet: SHEET });
    expect(fake.cell(SHEET, F("PT01")).fill).toBe(ERROR_FILL);
    expect(fake.cell(SHEET, F("PT01")).note).toContain("92387");

    await controller.fixAll();
    expect(fake.cell(SHEET, F("PT01")).value).toBe(92387);
    expect(fake.cell(SHEET, F("XD03")).value).toBe(12);
    expect(controller.state.check?.issues.map((i) => i.cell)).toEqual([F("GD02")]);
    expect(fake.cell(SHEET, F("PT01")).fill).toBeNull();
    expect(controller.state.notice).toMatchObject({
      tone: "success",
      said: { key: "fixedCount", params: { n: 2 } },
    });
  });

  it("re-checks by itself after a user's edit, but not after its own writes", async () => {
    await createAndFill(MISTAKES);
    await controller.validate();
    await controller.fixAll();
    await fake.flushEvents();
    await controller.whenIdle();
    // validate + the re-check inside fixAll; the fixes' own writes raised no event that re-checked.
    expect(checks).toBe(2);

    fake.user.type(SHEET, F("GD02"), 120);
    await fake.flushEvents();
    await controller.whenIdle();
    expect(checks).toBe(3);
    expect(controller.state.check?.errors).toBe(0);
  });

  it("Sửa on one issue fixes only that cell", async () => {
    await createAndFill(MISTAKES);
    const check = await controller.validate();
    await controller.fixIssue(check!.issues.find((i) => i.code === "cell.number_with_unit")!);
    expect(fake.cell(SHEET, F("XD03")).value).toBe(12);
    expect(fake.cell(SHEET, F("PT01")).value).toBe("92.387");
  });

  it("a click on an issue selects its cell", async () => {
    await createAndFill(MISTAKES);
    const check = await controller.validate();
    fake.user.select("Sheet1", "A1");
    await controller.selectIssue(check!.issues[0]!);
    expect(fake.sheet(SHEET).active).toBe(true);
    expect(fake.state.selection?.rects).toHaveLength(1);
  });

  it("Tạo mẫu twice never renders over the first report", async () => {
    // Through the real port (createExcelPort's sheetNames), not a stub.
    await createAndFill(CLEAN);
    await controller.createTemplate({ unitCode: "SL.MAISON", period: "2024" });
    expect(fake.sheetNames()).toEqual(["Sheet1", SHEET, `${SHEET} (2)`]);
    for (const [address, value] of Object.entries(CLEAN)) {
      expect(fake.cell(SHEET, address).value, address).toBe(value);
    }
    expect(fake.cell(`${SHEET} (2)`, F("PT01")).value).toBe("");
    expect(controller.state.notice).toMatchObject({
      said: { key: "createDone", params: { sheet: `${SHEET} (2)` } },
    });
    await controller.createTemplate({ unitCode: "SL.MAISON", period: "2025" });
    expect(fake.sheetNames()).toEqual(["Sheet1", SHEET, `${SHEET} (2)`, `${SHEET} (3)`]);
  });

  it("Tạo mẫu reads the unit code case-insensitively and writes it upper-case", async () => {
    await controller.createTemplate({ unitCode: "sl.maison", period: "2023" });
    expect(fake.cell(SHEET, TEMPLATE_LAYOUT.header.unitCode.input).value).toBe("SL.MAISON");
  });
});

describe("Tạo mẫu with the period's template", () => {
  it("fetches the template the period uses, keeps it, and checks the sheet with it, also offline", async () => {
    await controller.createTemplate({ unitCode: "SL.MAISON", period: "2026" });
    const online = await controller.validate();
    expect(online?.template).toMatchObject({ id: "tinh-sl-2026", version: 3 });
    expect(online?.issues.map((i) => i.code)).toEqual(["rule.required_missing", "rule.required_missing"]);
    await controller.stop();

    // A new session with no server: the kept template still reads the sheet.
    controller = await openController("http://127.0.0.1:1");
    const offline = await controller.validate();
    expect(offline?.template).toMatchObject({ id: "tinh-sl-2026", version: 3 });
    expect(offline?.issues.map((i) => i.code)).toEqual(["rule.required_missing", "rule.required_missing"]);
  });

  it("uses the built-in template when the period has none on the server", async () => {
    await controller.createTemplate({ unitCode: "SL.MAISON", period: "2023" });
    expect((await controller.validate())?.template).toMatchObject({ id: "doan-2024", version: 1 });
  });
});

describe("a sheet made from another template than its period's", () => {
  const PERIOD = TEMPLATE_LAYOUT.header.period.input;

  it("is checked with its own template, names the period's, and Tải mẫu mới makes that one beside it", async () => {
    await createAndFill(CLEAN);
    // The report moves to 2026, whose units now fill the province's template.
    fake.user.type(SHEET, PERIOD, "2026");
    await fake.flushEvents();
    await controller.whenIdle();
    const check = await controller.validate();
    expect(check?.template).toMatchObject({ id: "doan-2024", version: 1 });
    expect(controller.state.templateNews).toEqual({
      sheet: SHEET,
      period: "2026",
      template: { id: "tinh-sl-2026", version: 3 },
      said: templateNotice({ id: "doan-2024", version: 1 }, { id: "tinh-sl-2026", version: 3 }),
    });
    expect(controller.state.templateNews?.said.vi).toBe(
      "mẫu doan-2024 v1; kỳ này dùng tinh-sl-2026: tải mẫu mới",
    );

    // A re-check after an edit keeps the notice; it belongs to the sheet.
    fake.user.type(SHEET, F("PT01"), 92400);
    await fake.flushEvents();
    await controller.whenIdle();
    expect(controller.state.templateNews?.sheet).toBe(SHEET);

    await controller.getNewTemplate();
    const made = `${SHEET} (2)`;
    expect(fake.sheetNames()).toEqual(["Sheet1", SHEET, made]);
    expect(fake.cell(made, TEMPLATE_LAYOUT.header.template.input).value).toContain("tinh-sl-2026");
    expect(fake.cell(made, TEMPLATE_LAYOUT.header.unitCode.input).value).toBe("SL.MAISON");
    expect(fake.cell(made, PERIOD).value).toBe("2026");
    // The old sheet is never written over.
    expect(fake.cell(SHEET, F("PT01")).value).toBe(92400);
    expect(controller.state.templateNews).toBeNull();

    const fresh = await controller.validate();
    expect(fresh?.sheet).toBe(made);
    expect(fresh?.template).toMatchObject({ id: "tinh-sl-2026", version: 3 });
    expect(controller.state.templateNews).toBeNull();
  });

  it("an older version of the period's template is fetched, kept, and checked with that version", async () => {
    await createExcelPort(fake.run).render(
      templateSheetPlan(PROVINCE_2026_V2, { unitCode: "SL.MAISON", period: "2026" }),
    );
    const check = await controller.validate();
    expect(check?.template).toMatchObject({ id: "tinh-sl-2026", version: 2 });
    expect(check?.issues.map((i) => i.code)).not.toContain("grid.template_version_unknown");
    expect(controller.state.templateNews?.said.vi).toBe(
      "mẫu tinh-sl-2026 v2; kỳ này dùng tinh-sl-2026 v3: tải mẫu mới",
    );
    await controller.stop();

    // Offline, the kept version still reads it; the notice needs the server and is not invented.
    controller = await openController("http://127.0.0.1:1");
    const offline = await controller.validate();
    expect(offline?.template).toMatchObject({ id: "tinh-sl-2026", version: 2 });
    expect(controller.state.templateNews).toBeNull();
  });

  it("says nothing when the sheet is on its period's template", async () => {
    await controller.createTemplate({ unitCode: "SL.MAISON", period: "2026" });
    const check = await controller.validate();
    expect(check?.template).toMatchObject({ id: "tinh-sl-2026", version: 3 });
    expect(controller.state.templateNews).toBeNull();
  });
});

describe("Gửi báo cáo", () => {
  it("refuses while errors remain and says how many; nothing reaches the server", async () => {
    await createAndFill(MISTAKES);
    await controller.submit();
    expect(controller.state.notice).toMatchObject({
      tone: "error",
      said: { key: "submitBlocked", params: { n: 3 } },
    });
    expect(posts).toHaveLength(0);
  });

  it("asks before sending with warnings; cancel sends nothing, confirm sends", async () => {
    await createAndFill({ ...CLEAN, [F("XD02")]: 10, [F("XD03")]: 12 });
    await controller.submit();
    expect(controller.state.confirm).toEqual({ warnings: 1 });
    controller.cancelConfirm();
    expect(posts).toHaveLength(0);
    await controller.submit();
    await controller.confirmSubmit();
    expect(posts).toHaveLength(1);
    expect(controller.state.receipt?.receipt.revision).toBe(1);
  });

  it("sends the sheet's rows with a key and the last known revision as If-Match", async () => {
    await createAndFill({ ...CLEAN, [F("PT01")]: 92387 });
    await controller.submit();
    expect(controller.state.receipt).toMatchObject({ receipt: { revision: 1 }, fromQueue: false });
    expect(posts[0]?.ifMatch).toBeUndefined();
    expect(posts[0]?.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(posts[0]?.body).toMatchObject({
      unit: "SL.MAISON",
      period: "2023",
      template: "doan-2024",
      mode: "replace",
    });
    expect(posts[0]?.body.rows).toContainEqual({ code: "PT01", actual: 92387 });

    fake.user.type(SHEET, F("PT01"), 92400);
    await controller.submit();
    expect(posts[1]?.ifMatch).toBe('"1"');
    expect(posts[1]?.key).not.toBe(posts[0]?.key);
    expect(controller.state.receipt?.receipt.revision).toBe(2);
  });

  it("queues a report the server never answered and sends it again with the same key", async () => {
    await createAndFill(CLEAN);
    next = ["drop"];
    await controller.submit();
    expect(controller.state).toMatchObject({ queued: true, pending: 1, receipt: null });
    expect(controller.state.lastQueueFailure).toEqual({ status: null });

    await controller.retryQueue(true);
    expect(controller.state).toMatchObject({ queued: false, pending: 0 });
    expect(controller.state.receipt).toMatchObject({ receipt: { revision: 1 }, fromQueue: true });
    expect(posts.map((p) => p.key)).toEqual([posts[0]!.key, posts[0]!.key]);
    expect(reports.get("SL.MAISON|2023")).toHaveLength(1);
  });

  it("queues on a 500 and keeps the queue across a reload of the pane", async () => {
    await createAndFill(CLEAN);
    next = ["500"];
    await controller.submit();
    expect(controller.state.pending).toBe(1);
    expect(controller.state.lastQueueFailure).toEqual({ status: 500 });
    await controller.stop();

    controller = await openController();
    expect(controller.state.pending).toBe(1);
    await controller.retryQueue(true);
    expect(controller.state.pending).toBe(0);
    expect(reports.get("SL.MAISON|2023")).toHaveLength(1);
  });

  it("on 409 shows the server's revision and what changed, and resends on it", async () => {
    await createAndFill(CLEAN);
    await controller.submit();
    // Meanwhile someone else (another computer of the unit) sent revision 2 with other figures.
    const slot = reports.get("SL.MAISON|2023")!;
    slot.push({
      revision: 2,
      receivedAt: "2024-01-04T01:00:00.000Z",
      rows: [{ code: "PT01", actual: 90000 }],
    });
    fake.user.type(SHEET, F("KN02"), 1760);
    await controller.submit();
    const conflict = controller.state.conflict;
    expect(posts.at(-1)?.ifMatch).toBe('"1"');
    expect(conflict).toMatchObject({ unit: "SL.MAISON", period: "2023", ours: 1, current: 2 });
    expect(conflict?.changes).toContainEqual({ code: "PT01", field: "actual", server: 90000, sheet: 92387 });
    expect(conflict?.changes).toContainEqual({ code: "KN02", field: "actual", server: null, sheet: 1760 });
    expect(controller.state.pending).toBe(0);

    await controller.resendOnCurrent();
    expect(posts.at(-1)?.ifMatch).toBe('"2"');
    expect(controller.state.receipt?.receipt.revision).toBe(3);
    expect(controller.state.conflict).toBeNull();
  });

  it("asks for a token before sending when none is set", async () => {
    await controller.saveSettings({ token: "" });
    await createAndFill(CLEAN);
    await controller.submit();
    expect(controller.state.view).toBe("settings");
    expect(posts).toHaveLength(0);
  });
});

describe("Điểm thi đua", () => {
  it("shows the checked report's unit its own score and what it misses per criterion, in both languages", async () => {
    const scheme = getScheme()!;
    const own = scoreOwn(
      scheme,
      { ...CONSOLIDATION, unit: "SL.MAISON", name: "Huyện đoàn Mai Sơn" },
      "late",
      {
        self: { "TC4.4": 45 },
        reviewed: { "TC4.4": 40 },
      },
    );
    scoresReply = { ...rankingOf(CONSOLIDATION).answer, unit: "SL.MAISON", own };
    await createAndFill(CLEAN);
    await controller.validate();
    const report = controller.state.check?.report;
    expect(report).toMatchObject({ unit: "SL.MAISON", period: "2023" });
    await controller.loadOwnScore(report!.unit, report!.period);
    const view = controller.state.ownScore!;
    expect(view).toMatchObject({ unit: "SL.MAISON", period: "2023", own: { total: own.total } });
    const vi = ownScoreLines(view, "vi");
    const en = ownScoreLines(view, "en");
    expect(vi[0]).toBe(
      `Huyện đoàn Mai Sơn: ${String(own.total).replace(".", ",")}/500 điểm · Không hoàn thành nhiệm vụ`,
    );
    expect(vi[1]).toBe(
      `Tự chấm ${String(own.self).replace(".", ",")} điểm, sau thẩm định ${String(own.reviewed).replace(".", ",")} điểm.`,
    );
    expect(en[1]).toBe(`Self score ${own.self}, ${own.reviewed} after review.`);
    // One line per criterion short of its maximum (the bonus criterion never is "missing").
    const short = own.criteria.filter((c) => c.code !== "TC6" && c.points < c.max);
    expect(vi.slice(2)).toHaveLength(short.length);
    // A late report keeps half of TC5.1: the line names the 15 points lost there.
    expect(vi.find((l) => l.includes("TC5 –"))).toContain("TC5.1 Báo cáo đầy đủ, đúng hạn (15)");
    expect(en.find((l) => l.startsWith("35 points short in TC5"))).toBeDefined();
  });

  it("says the period has no scheme when the server answers 404, and is no error", async () => {
    await createAndFill(CLEAN);
    await controller.validate();
    await controller.loadOwnScore("SL.MAISON", "2023");
    expect(controller.state.notice?.tone).not.toBe("error");
    expect(ownScoreLines(controller.state.ownScore!, "vi")).toEqual([
      "Kỳ 2023 chưa có bộ tiêu chí chấm điểm trên máy chủ.",
    ]);
  });
});

describe("Lấy tổng hợp", () => {
  it("lists the token's units as a tree", async () => {
    await controller.loadUnits();
    expect(controller.state.units?.map((u) => [u.code, u.depth])).toEqual([
      ["SL", 0],
      ["SL.MAISON", 1],
      ["SL.SOPCOP", 1],
    ]);
    expect(orderUnits([{ code: "X", name: "x", parent: "OUTSIDE" }])).toEqual([
      { code: "X", name: "x", parent: "OUTSIDE", depth: 0 },
    ]);
  });

  it("renders the consolidation into 'Tổng hợp <unit> <period>' with the server's numbers, names as text", async () => {
    await controller.loadUnits();
    fake.resetSyncCount();
    await controller.pull("SL", "2023");
    // One read batch (sheet names and earlier pulls), one write batch (the three sheets).
    expect(fake.syncCount).toBe(2);
    const name = consolidatedSheetName("SL", "2023");
    const sheets = [name, "Theo đơn vị SL 2023", "Tình hình nộp SL 2023"];
    for (const s of sheets) expect(fake.sheetNames()).toContain(s);
    expect(fake.sheet(name).active).toBe(true);
    const values: unknown[] = [];
    for (const s of sheets)
      for (let r = 1; r <= 70; r++)
        for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZ") values.push(fake.cell(s, `${c}${r}`).value);
    expect(values).toContain(102387);
    expect(values).toContain(330.5);
    expect(values).toContain(10000);
    // A unit name that looks like a formula stays text.
    expect(values.some((v) => typeof v === "string" && v.startsWith("=HYPERLINK"))).toBe(true);
    expect(controller.state.notice).toMatchObject({
      tone: "success",
      said: { key: "pullDone", params: { sheet: sheets.join(", "), submitted: 2, expected: 3 } },
    });
    expect(controller.state.pulled).toMatchObject({
      sheet: name,
      unitName: "Tỉnh đoàn Sơn La",
      submitted: 2,
      expected: 3,
      missing: ["SL.VANHO"],
      sheets,
    });
  });

  it("adds 'Xếp loại <unit> <period>' when the server scores the period, still in two syncs", async () => {
    scoresReply = rankingOf(CONSOLIDATION).answer;
    await controller.loadUnits();
    fake.resetSyncCount();
    await controller.pull("SL", "2023");
    expect(fake.syncCount).toBe(2);
    expect(controller.state.pulled?.sheets).toEqual([
      "Tổng hợp SL 2023",
      "Theo đơn vị SL 2023",
      "Tình hình nộp SL 2023",
      "Xếp loại SL 2023",
    ]);
    // The same plan the CLI renders, cell for cell (values and number formats).
    const plan = rankingSheetPlan(scoresReply, getScheme()!, template, { unitName: "Tỉnh đoàn Sơn La" });
    for (const cell of plan.cells) {
      const got = fake.cell("Xếp loại SL 2023", cell.address);
      expect(got.value === "" ? null : got.value, cell.address).toEqual(cell.value);
    }
    expect(fake.cell("Xếp loại SL 2023", "A8").value).toBe("Cụm thi đua: Cụm 1");
    expect(fake.cell("Xếp loại SL 2023", "B9").value).toBe("SL.SOPCOP");
  });

  it("writes no ranking sheet and says nothing of it when the server has no scheme (404)", async () => {
    await controller.loadUnits();
    await controller.pull("SL", "2023");
    expect(controller.state.notice?.tone).toBe("success");
    expect(fake.sheetNames().some((n) => n.startsWith("Xếp loại"))).toBe(false);
  });

  it("asks before replacing an earlier pull of the same unit and period, and never takes a user's sheet", async () => {
    await controller.loadUnits();
    await controller.pull("SL", "2023");
    await controller.pull("SL", "2023");
    expect(controller.state.pullReplace).toMatchObject({ unit: "SL", period: "2023" });
    expect(controller.state.pullReplace?.sheets).toHaveLength(3);
    await controller.confirmPullReplace();
    expect(controller.state.pullReplace).toBeNull();
    expect(fake.sheetNames().filter((n) => n.startsWith("Tổng hợp SL 2023"))).toEqual(["Tổng hợp SL 2023"]);
  });

  it("never takes a sheet of the user's own that has the name a pull would take", async () => {
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.add("Tổng hợp SL 2023");
      await ctx.sync();
    });
    fake.user.type("Tổng hợp SL 2023", "A1", "của tôi");
    await controller.loadUnits();
    await controller.pull("SL", "2023");
    expect(controller.state.pullReplace).toBeNull();
    expect(fake.cell("Tổng hợp SL 2023", "A1").value).toBe("của tôi");
    expect(fake.sheetNames()).toContain("Tổng hợp SL 2023 (2)");
    expect(controller.state.pulled?.sheet).toBe("Tổng hợp SL 2023 (2)");
  });

  it("writes names from other units that look like formulas as text: value type String, no formula", async () => {
    const dangerous = ['=HYPERLINK("http://x","y")', "+1", "-1", "@SUM(A1)"];
    consolidationAnswer = {
      ...CONSOLIDATION,
      name: dangerous[0],
      children: dangerous.map((name, i) => ({
        unit: `SL.X${i}`,
        name,
        indicators: [{ code: "PT01", kind: "count" as const, actual: i + 1 }],
      })),
      reporting: { expected: 4, submitted: 4, late: 0, missing: [] },
    };
    await controller.loadUnits();
    await controller.pull("SL", "2023");
    const hits = new Map<string, { valueType: string; formula: unknown; value: unknown }[]>();
    for (const sheet of fake.sheetNames())
      for (let r = 1; r <= 80; r++) {
        for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
          const cell = fake.cell(sheet, `${c}${r}`);
          const name = dangerous.find((d) => typeof cell.value === "string" && cell.value.startsWith(d));
          if (name) hits.set(name, [...(hits.get(name) ?? []), cell]);
        }
      }
    // Each name landed somewhere (its column header), and everywhere as text.
    expect([...hits.keys()].sort()).toEqual([...dangerous].sort());
    for (const cells of hits.values()) {
      for (const cell of cells) {
        expect(cell.valueType).toBe("String");
        // A text cell's formula is its text; a formula would show its result as the value instead.
        expect(cell.formula).toBe(cell.value);
      }
    }
  });

  it("Kiểm tra while the consolidated sheet is active checks the report, not the consolidated sheet", async () => {
    await createAndFill(MISTAKES);
    await controller.pull("SL", "2023");
    expect(fake.sheet(consolidatedSheetName("SL", "2023")).active).toBe(true);
    const check = await controller.validate();
    expect(check?.sheet).toBe(SHEET);
    expect(check?.errors).toBe(3);
  });

  it("refuses a malformed period without asking the server", async () => {
    await controller.pull("SL", "2023-Q5");
    expect(controller.state.notice).toMatchObject({ tone: "error", said: { key: "pullBadPeriod" } });
  });

  it("lists the units of the chosen period's tree: 2026 has the new commune, not the ended district", async () => {
    await controller.loadUnits("2026");
    expect(controller.state.unitsPeriod).toBe("2026");
    expect(controller.state.units?.map((u) => [u.code, u.depth])).toEqual([
      ["SL", 0],
      ["SL.CHIENGMAI", 1],
      ["SL.SOPCOP.MUONGLAN", 1],
    ]);
    await controller.loadUnits("2024");
    expect(controller.state.units?.map((u) => u.code)).toContain("SL.MAISON");
    expect(controller.state.unitsPeriod).toBe("2024");
  });

  it("opens the pull form on the units of the period it starts with (the last one pulled)", async () => {
    await controller.pull("SL", "2026");
    controller.showView("main");
    controller.showView("pull");
    await controller.whenIdle();
    expect(controller.state.unitsPeriod).toBe("2026");
    expect(controller.state.units?.map((u) => u.code)).toContain("SL.CHIENGMAI");
  });

  it("sends the compared period as `compare` and writes 'Cùng kỳ …' and 'Tăng/giảm (%)'", async () => {
    await controller.pull("SL", "2023", "2022");
    expect(consolidationQueries.at(-1)?.get("compare")).toBe("2022");
    const name = consolidatedSheetName("SL", "2023");
    // Where the plan puts them is the plan's business: find the headers, then PT01's row.
    const find = (wanted: (v: unknown) => boolean) => {
      for (let r = 1; r <= 80; r++)
        for (const c of "ABCDEFGHIJKLMNOP") if (wanted(fake.cell(name, `${c}${r}`).value)) return { c, r };
      return undefined;
    };
    const previous = find((v) => typeof v === "string" && v.startsWith("Cùng kỳ") && v.includes("2022"));
    const change = find((v) => v === "Tăng/giảm (%)");
    const pt01 = find((v) => v === "PT01");
    expect(previous && change && pt01).toBeTruthy();
    expect(change?.r).toBe(previous?.r);
    expect(fake.cell(name, `${previous?.c}${pt01?.r}`).value).toBe(101387);
    expect(fake.cell(name, `${change?.c}${pt01?.r}`).value).toBe(1);
    expect(controller.state.pulled?.compare).toBe("2022");
  });

  it("sends no `compare` when the field is blank, and refuses a malformed one without asking", async () => {
    await controller.pull("SL", "2023", "  ");
    expect(consolidationQueries.at(-1)?.has("compare")).toBe(false);
    expect(controller.state.pulled?.compare).toBeUndefined();
    const asked = consolidationQueries.length;
    await controller.pull("SL", "2023", "2022-Q7");
    expect(controller.state.notice).toMatchObject({ tone: "error", said: { key: "pullBadCompare" } });
    expect(consolidationQueries).toHaveLength(asked);
  });
});

describe("settings and failures", () => {
  it("turns an unreachable server into a notice, not a rejection", async () => {
    await controller.saveSettings({ serverUrl: "http://127.0.0.1:9" });
    await controller.loadUnits();
    expect(controller.state.notice).toMatchObject({ tone: "error", said: { key: "errorNetwork" } });
    expect(controller.state.busy).toBeNull();
  });

  it("rejects a server URL that is not http(s) and keeps the old one", async () => {
    expect(await controller.saveSettings({ serverUrl: "ftp://x" })).toBe(false);
    expect(controller.state.settings.serverUrl).toBe(base);
  });

  it("switches language for the whole state", async () => {
    await controller.setLanguage("en");
    expect(controller.state.lang).toBe("en");
  });
});

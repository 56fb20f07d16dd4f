// submit, queue, pull and units import against a real `wrangler dev` Worker on a fresh local D1. One
// Worker for the whole file, and one story: the tests run in order and build on what earlier ones sent
// (pull checks the sum of every unit submitted above).
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, type RunningWorker, startWorker } from "../../scripts/wrangler-dev.ts";
import { createApiClient } from "../../shared/api/client.ts";
import { formatDateTimeVn } from "../../shared/format/vietnam-time.ts";
import { run } from "../main.ts";
import { readQueue } from "../submit/queue-file.ts";
import { at, CLEAN, captureIo, tempDir, writeFilled } from "../testing/fixtures.ts";
import { toInlineStrings } from "../testing/sheetjs.ts";

const INJECTION = '=HYPERLINK("http://x","y")';
const UNITS_CSV =
  "\uFEFFcode,name,parent\r\n" +
  "SL,Tỉnh đoàn Sơn La,\r\n" +
  'SL.MAISON,"Huyện đoàn Mai Sơn, Sơn La",SL\r\n' +
  "SL.SOPCOP,Huyện đoàn Sốp Cộp,SL\r\n" +
  `SL.X,"${INJECTION.replaceAll('"', '""')}",SL\r\n` +
  "SL.Q,Đoàn trường Q,SL\r\n" +
  "SL.LOST,Đoàn trường L,SL\r\n";

let worker: RunningWorker;
let reporter: string;
let maisonToken: string;
const dir = tempDir();

beforeAll(async () => {
  worker = await startWorker();
  writeFileSync(join(dir, "units.csv"), UNITS_CSV);
  const c = captureIo(dir);
  const code = await run(
    ["units", "import", "units.csv", "--server", worker.url, "--token", worker.adminToken],
    c.io,
  );
  if (code !== 0) throw new Error(`units import failed: ${c.out()}${c.err()}`);
  const admin = createApiClient({ baseUrl: worker.url, token: worker.adminToken });
  reporter = (await admin.createToken("SL", "reporter")).token;
  maisonToken = (await admin.createToken("SL.MAISON", "reporter")).token;
  await writeFilled(join(dir, "maison.xlsx"), CLEAN, { unitCode: "SL.MAISON" });
  await writeFilled(
    join(dir, "x.xlsx"),
    { ...CLEAN, [at("PT01")]: 1000, [at("TD01")]: "T" },
    { unitCode: "SL.X" },
  );
  await writeFilled(join(dir, "sopcop.xlsx"), CLEAN, { unitCode: "SL.SOPCOP" });
  await writeFilled(
    join(dir, "errors.xlsx"),
    { ...CLEAN, [at("PT01")]: "92.387", [at("GD02")]: 999 },
    { unitCode: "SL.SOPCOP" },
  );
  await writeFilled(join(dir, "unknown.xlsx"), CLEAN, { unitCode: "SL.NOWHERE" });
  await writeFilled(join(dir, "q.xlsx"), CLEAN, { unitCode: "SL.Q" });
  await writeFilled(join(dir, "lost.xlsx"), CLEAN, { unitCode: "SL.LOST" });
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function client(token = reporter) {
  return createApiClient({ baseUrl: worker.url, token });
}

async function revisions(unit: string): Promise<number[]> {
  return (await client().submissions(unit, "2023")).revisions.map((r) => r.revision);
}

describe("baocao units import", () => {
  it("loaded the CSV (BOM, header, quoted commas, a formula-looking name) into the unit tree", async () => {
    const units = await client(worker.adminToken).units();
    expect(units.find((u) => u.code === "SL.MAISON")).toMatchObject({
      name: "Huyện đoàn Mai Sơn, Sơn La",
      parent: "SL",
    });
    expect(units.find((u) => u.code === "SL.X")?.name).toBe(INJECTION);
    expect(units.find((u) => u.code === "SL")?.parent).toBeNull();
  });

  it("names the CSV line of each problem and sends nothing", async () => {
    writeFileSync(
      join(dir, "bad.csv"),
      "SL.NEW1,Đơn vị mới,SL\nsl new,Tên,SL\nSL.NEW1,Trùng,SL\nSL.NEW2,,SL\n",
    );
    const c = captureIo(dir);
    const code = await run(
      ["units", "import", "bad.csv", "--server", worker.url, "--token", worker.adminToken],
      c.io,
    );
    expect(code).toBe(1);
    expect(c.out()).toContain('dòng 2, cột A / line 2, column A: mã "sl new" không hợp lệ');
    expect(c.out()).toContain(
      'dòng 3, cột A / line 3, column A: mã "SL.NEW1" đã có ở dòng 1 / code "SL.NEW1" already on line 1',
    );
    expect(c.out()).toContain("dòng 4, cột B / line 4, column B: thiếu tên đơn vị / the name is missing");
    const units = await client(worker.adminToken).units();
    expect(units.some((u) => u.code === "SL.NEW1")).toBe(false);
  });

  it("needs an admin token (exit 3 with the next step)", async () => {
    const c = captureIo(dir);
    expect(
      await run(["units", "import", "units.csv", "--server", worker.url, "--token", reporter], c.io),
    ).toBe(3);
    expect(c.err()).toContain("This access token may not do this. ");
    expect(c.err()).toContain("Importing units and issuing tokens needs an admin token.");
    expect(c.err()).not.toMatch(/403|forbidden/);
  });
});

describe("baocao submit", () => {
  it("submits a clean file and prints the receipt (server and token from the environment)", async () => {
    const c = captureIo(dir, { env: { BAOCAO_SERVER: worker.url, BAOCAO_TOKEN: reporter } });
    expect(await run(["submit", "maison.xlsx"], c.io)).toBe(0);
    expect(c.out()).toContain("Đã nhận / Accepted:");
    // The time it was received, as a person in Vietnam reads it (the API answers ISO UTC).
    const received = (await client().submissions("SL.MAISON", "2023")).current?.receivedAt ?? "";
    expect(received).toMatch(/Z$/);
    expect(c.out()).toMatch(
      new RegExp(
        `maison\\.xlsx\\s+SL\\.MAISON\\s+2023\\s+1\\s+${formatDateTimeVn(received)}\\s+đạt 2/2 chỉ tiêu, vượt 2`,
      ),
    );
    expect(await revisions("SL.MAISON")).toEqual([1]);
    const current = (await client().submissions("SL.MAISON", "2023")).current;
    expect(current?.rows.find((r) => r.code === "PT01")).toMatchObject({ target: 90000, actual: 92387 });
  });

  it("asks before sending a file with warnings only (or needs --yes), and counts its warnings right", async () => {
    // Two warnings: XD03 > XD02 (the server says it too) and a period written "Năm 2023" (the file only).
    await writeFilled(
      join(dir, "maison-warn.xlsx"),
      { ...CLEAN, [at("XD02")]: 5, [at("XD03")]: 6 },
      { unitCode: "SL.MAISON", period: "Năm 2023" },
    );
    const args = ["submit", "maison-warn.xlsx", "--server", worker.url, "--token", reporter, "--lang", "en"];
    const unasked = captureIo(dir);
    expect(await run(args, unasked.io)).toBe(1);
    expect(unasked.out()).toContain(
      "2 warning(s): review them, then send with baocao submit maison-warn.xlsx --yes",
    );
    expect(await revisions("SL.MAISON")).toEqual([1]);

    const questions: string[] = [];
    const declined = captureIo(dir, {
      ask: async (q) => {
        questions.push(q);
        return "k";
      },
    });
    expect(await run(args, declined.io)).toBe(1);
    expect(questions).toHaveLength(1);
    expect(await revisions("SL.MAISON")).toEqual([1]);

    const c = captureIo(dir, { ask: async () => "c" });
    expect(await run(args, c.io)).toBe(0);
    expect(c.out()).toMatch(/maison-warn\.xlsx\s+SL\.MAISON\s+2023\s+2\s+.*\s2\n/);
    expect(c.out()).toMatch(/\n {2}! maison-warn\.xlsx: .*XD03/);
    expect(await revisions("SL.MAISON")).toEqual([1, 2]);
  });

  it("refuses files with errors without sending them, listing the errors (exit 1)", async () => {
    const c = captureIo(dir);
    const code = await run(["submit", "errors.xlsx", "--server", worker.url, "--token", reporter], c.io);
    expect(code).toBe(1);
    expect(c.out()).toContain("Bị từ chối / Refused:");
    expect(c.out()).toContain("2 lỗi: sửa rồi gửi lại (baocao validate / baocao fix)");
    expect(c.out()).toContain(`Ô ${at("PT01")} (PT01`);
    expect(await revisions("SL.SOPCOP")).toEqual([]);
  });

  it("shows the server's refusals with what to do: a unit outside the token's tree, another unit's token", async () => {
    // The server does not tell a reporter whether a unit outside its tree exists: 403 either way.
    const unknown = captureIo(dir);
    expect(
      await run(["submit", "unknown.xlsx", "--server", worker.url, "--token", reporter], unknown.io),
    ).toBe(1);
    expect(unknown.out()).toContain("✗ unknown.xlsx");
    expect(unknown.out()).toContain("SL.NOWHERE không có trong danh sách đó");
    expect(unknown.out()).toContain("Kiểm tra ô 'Mã đơn vị:' của báo cáo");
    expect(unknown.out().match(/Mã truy cập này/g)).toHaveLength(1);
    expect(unknown.out()).not.toMatch(/403|forbidden|Bearer/);
    const other = captureIo(dir);
    expect(
      await run(["submit", "sopcop.xlsx", "--server", worker.url, "--token", maisonToken], other.io),
    ).toBe(1);
    expect(other.out()).toContain("This access token is for unit SL.MAISON");
    expect(other.out()).toContain("use an access token of that unit or of a parent unit");
    expect(other.out()).not.toMatch(/403|forbidden|Bearer/);
  });

  it("reads files saved by another writer (inline strings) and sends the same figures", async () => {
    const bytes = readFileSync(join(dir, "x.xlsx"));
    writeFileSync(join(dir, "x-inline.xlsx"), toInlineStrings(bytes));
    const c = captureIo(dir);
    expect(await run(["submit", "x-inline.xlsx", "--server", worker.url, "--token", reporter], c.io)).toBe(0);
    expect(await revisions("SL.X")).toEqual([1]);
  });
});

describe("the submission queue", () => {
  it("queues a report the server never got, then flush sends it once", async () => {
    const dead = `http://127.0.0.1:${await freePort()}`;
    const c = captureIo(dir);
    expect(await run(["submit", "q.xlsx", "--server", dead, "--token", reporter], c.io)).toBe(3);
    expect(c.out()).toContain("Đang chờ gửi lại / Queued for retry (.baocao-queue.json)");
    expect(c.out()).toContain("Cannot reach the server");
    const queued = await readQueue(join(dir, ".baocao-queue.json"));
    expect(queued.map((q) => [q.file, q.body.unit, q.server, q.attempts])).toEqual([
      ["q.xlsx", "SL.Q", dead, 4],
    ]);
    expect(JSON.stringify(queued)).not.toContain(reporter);

    // The queue belongs to the dead server: a flush to the live one leaves it alone.
    const other = captureIo(dir);
    expect(await run(["queue", "flush", "--server", worker.url, "--token", reporter], other.io)).toBe(0);
    expect(other.out()).toContain("1 queued for other servers");

    // Rewrite the queued item as if it had been made for the live server (same key, same body).
    const moved = queued.map((q) => ({ ...q, server: worker.url }));
    writeFileSync(join(dir, ".baocao-queue.json"), JSON.stringify({ version: 1, items: moved }));
    const list = captureIo(dir);
    expect(await run(["queue", "list"], list.io)).toBe(0);
    expect(list.out()).toMatch(/q\.xlsx\s+SL\.Q\s+2023/);

    const flush = captureIo(dir);
    expect(await run(["queue", "flush", "--server", worker.url, "--token", reporter], flush.io)).toBe(0);
    expect(flush.out()).toMatch(/q\.xlsx \(hàng đợi\/queue\)\s+SL\.Q\s+2023\s+1/);
    expect(existsSync(join(dir, ".baocao-queue.json"))).toBe(false);
    expect(await revisions("SL.Q")).toEqual([1]);

    const again = captureIo(dir);
    expect(await run(["queue", "flush", "--server", worker.url, "--token", reporter], again.io)).toBe(0);
    expect(again.out()).toContain("Nothing queued for");
    expect(await revisions("SL.Q")).toEqual([1]);
  });

  it("when the answer is lost, the next submit resends the same key and the server counts it once", async () => {
    let calls = 0;
    // The server stores every send but the client never hears back.
    const losing: typeof fetch = async (input, init) => {
      calls++;
      await fetch(input, init);
      throw new TypeError("fetch failed: connection reset");
    };
    const lost = captureIo(dir, { fetch: losing });
    expect(
      await run(
        ["submit", "lost.xlsx", "--server", worker.url, "--token", reporter, "--queue", "q2.json"],
        lost.io,
      ),
    ).toBe(3);
    expect(calls).toBe(4);
    // Four sends with one key: one revision.
    expect(await revisions("SL.LOST")).toEqual([1]);

    const next = captureIo(dir);
    const code = await run(
      ["submit", "sopcop.xlsx", "--server", worker.url, "--token", reporter, "--queue", "q2.json"],
      next.io,
    );
    expect(code).toBe(0);
    expect(next.out()).toContain("Resending 1 queued report(s)");
    expect(next.out()).toMatch(
      /lost\.xlsx \(hàng đợi\/queue\) \(đã nhận trước\/already received\)\s+SL\.LOST\s+2023\s+1/,
    );
    expect(next.out()).toMatch(/sopcop\.xlsx\s+SL\.SOPCOP\s+2023\s+1/);
    expect(await revisions("SL.LOST")).toEqual([1]);
    expect(existsSync(join(dir, "q2.json"))).toBe(false);
  });
});

describe("baocao pull", () => {
  it("writes the consolidated workbook; another unit's formula-looking name is a plain text cell", async () => {
    const c = captureIo(dir);
    const code = await run(
      [
        "pull",
        "--unit",
        "SL",
        "--period",
        "2023",
        "--server",
        worker.url,
        "--token",
        reporter,
        "--out",
        "tong-hop.xlsx",
        "--print",
      ],
      c.io,
    );
    expect(code).toBe(0);
    expect(c.out()).toContain(`Written: ${join(dir, "tong-hop.xlsx")}`);
    // The terminal table: PT01 total = 92387 (Mai Sơn) + 1000 (X) + 92387 (Sốp Cộp) + 92387 (Q) + 92387 (L).
    expect(c.out()).toMatch(/\nPT01 .* 370\.548 +82,3 +92\.387 /);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "tong-hop.xlsx"));
    expect(wb.worksheets.filter((w) => w.state !== "hidden").map((w) => w.name)).toEqual([
      "Tổng hợp SL 2023",
      "Theo đơn vị SL 2023",
      "Tình hình nộp SL 2023",
      "Xếp loại SL 2023",
    ]);
    // The ranking sheet holds GET /v1/scores's children in rank order, each with its total.
    const scored = await createApiClient({ baseUrl: worker.url, token: reporter }).scores("SL", "2023");
    const ranking = wb.getWorksheet("Xếp loại SL 2023")!;
    const rows: unknown[][] = [];
    ranking.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const unitRows = rows.filter((r) => scored.units.some((u) => u.unit === r[1]));
    expect(unitRows.map((r) => [r[0], r[1]])).toEqual(scored.units.map((u) => [u.rank, u.unit]));
    expect(unitRows.map((r) => r.at(-2))).toEqual(scored.units.map((u) => u.total));
    const ws = wb.worksheets.find((w) => w.name.startsWith("Tổng hợp"))!;
    const cells: ExcelJS.Cell[] = [];
    for (const sheet of wb.worksheets) sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    const injected = cells.filter(
      (cell) => typeof cell.value === "string" && cell.value.includes("HYPERLINK"),
    );
    expect(injected.length).toBeGreaterThan(0);
    for (const cell of injected) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.numFmt).toBe("@");
    }
    expect(cells.some((cell) => cell.type === ExcelJS.ValueType.Formula)).toBe(false);
    const summary: ExcelJS.Cell[] = [];
    ws.eachRow((row) => row.eachCell((cell) => summary.push(cell)));
    const totalRow = summary.find((cell) => cell.value === "PT01")!.row;
    expect(ws.getRow(Number(totalRow)).values).toContain(370548);
  });

  it("says what to do when the server cannot be reached (exit 3)", async () => {
    const c = captureIo(dir);
    const dead = `http://127.0.0.1:${await freePort()}`;
    expect(
      await run(["pull", "--unit", "SL", "--period", "2023", "--server", dead, "--token", reporter], c.io),
    ).toBe(3);
    expect(c.err()).toContain("Check the network and the --server address, then retry.");
  });
});

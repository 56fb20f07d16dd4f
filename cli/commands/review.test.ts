// baocao review against a real `wrangler dev` Worker: list, return with per-indicator comments, the
// reporter's fix, accept, the refused submission, reopen. One story, in order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningWorker, startWorker } from "../../scripts/wrangler-dev.ts";
import { ApiError, createApiClient } from "../../shared/api/client.ts";
import { run } from "../main.ts";
import { captureIo, tempDir } from "../testing/fixtures.ts";
import { parseItems } from "./review.ts";

let worker: RunningWorker;
let reviewer: string;
let reporter: ReturnType<typeof createApiClient>;
const dir = tempDir();

const rows = (members: number) => [
  { code: "GD01", actual: 10 },
  { code: "GD04", actual: members },
];

beforeAll(async () => {
  worker = await startWorker();
  const admin = createApiClient({ baseUrl: worker.url, token: worker.adminToken });
  await admin.importUnits({
    units: [
      { code: "SL", name: "Tỉnh đoàn Sơn La", parent: null },
      { code: "SL.MAISON", name: "Huyện đoàn Mai Sơn", parent: "SL" },
      { code: "SL.SOPCOP", name: "Huyện đoàn Sốp Cộp", parent: "SL" },
    ],
  });
  reviewer = (await admin.createToken("SL", "reviewer")).token;
  reporter = createApiClient({
    baseUrl: worker.url,
    token: (await admin.createToken("SL.MAISON", "reporter")).token,
  });
  await reporter.submit(
    { unit: "SL.MAISON", period: "2026", template: "doan-2024", rows: rows(100) },
    { idempotencyKey: "r1" },
  );
}, 120_000);

afterAll(async () => {
  await worker?.stop();
});

async function baocao(...args: string[]) {
  const c = captureIo(dir);
  const code = await run([...args, "--server", worker.url, "--token", reviewer], c.io);
  return { code, out: c.out(), err: c.err() };
}

describe("baocao review", () => {
  it("lists the units below with their state", async () => {
    const r = await baocao("review", "list", "--unit", "SL", "--period", "2026");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/SL\.MAISON\s+Huyện đoàn Mai Sơn\s+Đã nộp\s+1/);
    expect(r.out).toMatch(/SL\.SOPCOP\s+Huyện đoàn Sốp Cộp\s+Chưa nộp/);
    expect(r.out).toContain("Chưa nộp / not submitted 1 · Đã nộp / submitted 1");
  });

  it("returns with a comment and per-indicator comments; the reporter reads them", async () => {
    const r = await baocao(
      "review",
      "return",
      "--unit",
      "SL.MAISON",
      "--period",
      "2026",
      "--comment",
      "Số đoàn viên chưa khớp",
      "--item",
      "GD04=Kiểm tra lại số đoàn viên",
    );
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toMatch(
      /✓ SL\.MAISON · Năm 2026 · bản \/ revision 1: Bị trả lại \/ Returned — \d\d\/\d\d\/2026/,
    );
    expect(r.out).toContain("GD04: Kiểm tra lại số đoàn viên");
    const seen = await reporter.submissions("SL.MAISON", "2026");
    expect(seen.review?.items).toEqual([{ code: "GD04", comment: "Kiểm tra lại số đoàn viên" }]);
  });

  it("shows only what changed before accepting the fix; a later submission is refused", async () => {
    await reporter.submit(
      { unit: "SL.MAISON", period: "2026", template: "doan-2024", rows: rows(120) },
      { idempotencyKey: "r2" },
    );
    const r = await baocao("review", "accept", "--unit", "SL.MAISON", "--period", "2026");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Thay đổi từ bản 1 / Changes since revision 1:\n  GD04 thực hiện: 100 → 120");
    expect(r.out).toContain("Đã duyệt / Accepted");
    const refused = await reporter
      .submit(
        { unit: "SL.MAISON", period: "2026", template: "doan-2024", rows: rows(121) },
        { idempotencyKey: "r3" },
      )
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe("report_accepted");
  });

  it("refuses to accept twice (exit 1, says why) and reopens", async () => {
    const again = await baocao("review", "accept", "--unit", "SL.MAISON", "--period", "2026");
    expect(again.code).toBe(1);
    expect(again.err).toContain('Báo cáo đang ở trạng thái "Đã duyệt": không thể duyệt');
    const r = await baocao("review", "reopen", "--unit", "SL.MAISON", "--period", "2026");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Đã nộp / Submitted");
  });

  it("names a malformed --item and an unknown action as usage errors (64)", async () => {
    expect(() => parseItems(["GD04 Kiểm tra"])).toThrow(/MÃ=nhận xét/);
    expect(parseItems(["gd04 = ok "])).toEqual([{ code: "GD04", comment: "ok" }]);
    expect((await baocao("review", "approve", "--unit", "SL", "--period", "2026")).code).toBe(64);
  });
});

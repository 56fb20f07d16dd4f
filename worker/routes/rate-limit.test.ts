import { beforeEach, describe, expect, it } from "vitest";
import {
  call,
  createToken,
  dispatchDirectly,
  importUnits,
  json,
  minimalRows,
  report,
  resetDb,
  SMALL_TREE,
  storedCounts,
  submit,
} from "../test/helpers.ts";

// Hundreds of requests: see dispatchDirectly for why they skip SELF.fetch here.
dispatchDirectly();

beforeEach(async () => {
  await resetDb();
  await importUnits(SMALL_TREE);
});

describe("rate limit", () => {
  it("answers 429 rate_limited with Retry-After once a token passes its limit, storing nothing", async () => {
    const token = await createToken("SL.MAISON", "reporter");
    let limited: Response | undefined;
    // 300 a minute (wrangler.toml); a minute boundary may reset the window once along the way.
    for (let i = 0; i < 700 && !limited; i++) {
      const res = await call("GET", "/v1/periods/2023", { token });
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(200);
    }
    expect(limited?.headers.get("retry-after")).toBe("60");
    expect(await json(limited as Response)).toMatchObject({ error: { code: "rate_limited" } });
    const before = await storedCounts();
    expect((await submit(report("SL.MAISON", minimalRows()), { token })).status).toBe(429);
    expect(await storedCounts()).toEqual(before);
    // Other tokens, and the ADMIN_TOKEN secret, are not held back.
    expect((await call("GET", "/v1/periods/2023")).status).toBe(200);
    const other = await createToken("SL.MAISON", "reporter");
    expect((await call("GET", "/v1/periods/2023", { token: other })).status).toBe(200);
  });
});

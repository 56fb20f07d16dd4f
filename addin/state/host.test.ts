import { describe, expect, it } from "vitest";
import { excelRun, officeReady } from "./host.ts";

describe("excelRun", () => {
  it("prefers an injected fake over Office's Excel.run", async () => {
    const calls: string[] = [];
    const runner =
      (name: string) =>
      async <T>(batch: (c: never) => Promise<T>): Promise<T> => {
        calls.push(name);
        return batch(undefined as never);
      };
    const injected = { run: runner("fake") };
    const office = { run: runner("office") };
    const run = excelRun({ __BAOCAO_EXCEL__: injected, Excel: office });
    expect(await run?.(async () => 7)).toBe(7);
    expect(calls).toEqual(["fake"]);
    await excelRun({ Excel: office })?.(async () => 1);
    expect(calls).toEqual(["fake", "office"]);
  });

  it("finds nothing where there is no Excel", () => {
    expect(excelRun({})).toBeUndefined();
  });
});

describe("officeReady", () => {
  it("waits for Office.onReady when Office.js is present, and says so", async () => {
    let ready = false;
    const scope = {
      Office: {
        onReady: async () => {
          ready = true;
        },
      },
    };
    expect(await officeReady(scope)).toBe(true);
    expect(ready).toBe(true);
    expect(await officeReady({})).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { getTemplate } from "../template/registry.ts";
import { fetchPeriodTemplate } from "./period-template.ts";

describe("fetchPeriodTemplate", () => {
  const doan2026 = getTemplate("doan-2026")!;
  const client = (template: string | null | undefined) => {
    const asked: string[] = [];
    return {
      asked,
      period: async (period: string) => ({ period, deadline: null, locked: false, template }),
      template: async (id: string) => {
        asked.push(id);
        return { ...doan2026, id };
      },
    };
  };

  it("fetches the latest version of the template the period names", async () => {
    const c = client("doan-2026");
    expect(await fetchPeriodTemplate(c, "2026")).toMatchObject({
      id: "doan-2026",
      version: doan2026.version,
    });
    expect(c.asked).toEqual(["doan-2026"]);
  });

  it("answers undefined, asking nothing more, when the period names none", async () => {
    for (const none of [null, undefined]) {
      const c = client(none);
      expect(await fetchPeriodTemplate(c, "2023")).toBeUndefined();
      expect(c.asked).toEqual([]);
    }
  });
});

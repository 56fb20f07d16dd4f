import { describe, expect, it } from "vitest";
import { getScheme } from "./registry.ts";
import { scoreUnit } from "./score.ts";
import { describeShortfalls, shortfalls } from "./shortfall.ts";

const scheme = getScheme()!;

describe("shortfalls", () => {
  it("names each base criterion that lost points, with its items, most first; bonus is never a shortfall", () => {
    const score = scoreUnit(scheme, {
      figures: { GD03: { actual: 100 }, GD06: { actual: 40 }, GD09: { actual: 80 }, GD10: { actual: 5 } },
      timeliness: "late",
      manual: { "TC1.5": 10, "TC5.2": 20 },
    });
    const list = shortfalls(scheme, score.criteria);
    const tc1 = list.find((s) => s.criterion === "TC1");
    expect(tc1).toMatchObject({ missing: 12.5, items: [{ code: "TC1.2", missing: 12.5 }] });
    expect(list.find((s) => s.criterion === "TC5")?.items).toEqual([
      { code: "TC5.1", label: scheme.criteria[4]!.items[0]!.label, missing: 15 },
    ]);
    expect(list.some((s) => s.criterion === "TC6")).toBe(false);
    const total = list.reduce((n, s) => n + s.missing, 0);
    expect(total).toBe(
      450 - score.criteria.filter((c) => c.code !== "TC6").reduce((n, c) => n + c.points, 0),
    );
  });

  it("reads as people say it, in either language", () => {
    const score = scoreUnit(scheme, {
      figures: { GD03: { actual: 100 }, GD06: { actual: 40 }, GD09: { actual: 80 }, GD10: { actual: 5 } },
      timeliness: "on_time",
      manual: { "TC1.5": 10 },
    });
    const [line] = describeShortfalls(shortfalls(scheme, score.criteria).slice(0, 1), "vi");
    expect(line).toBe(
      "Thiếu 12,5 điểm ở TC1 – Công tác giáo dục chính trị, tư tưởng: TC1.2 Đoàn viên học tập nghị quyết (80%) (12,5)",
    );
    const [en] = describeShortfalls(shortfalls(scheme, score.criteria).slice(0, 1), "en");
    expect(en).toContain("12.5 points short in TC1");
  });
});

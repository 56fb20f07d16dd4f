import { describe, expect, it } from "vitest";
import { submissionBody, unitsImport } from "./schemas.ts";
import { isWellFormed } from "./text.ts";

/** What 2,000 emoji cut at a code-unit boundary leave: the first half of a surrogate pair. */
const LONE_HIGH = "👍".slice(0, 1);
const LONE_LOW = "👍".slice(1);

const paths = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (r.error?.issues ?? []).map((i) => i.path.join("."));

const unit = (name: string, kind?: string) => ({
  units: [{ code: "SL", name, parent: null, ...(kind === undefined ? {} : { kind }) }],
});

describe("isWellFormed", () => {
  it("accepts Vietnamese, emoji pairs and NUL; refuses a lone surrogate of either half", () => {
    expect(isWellFormed("Đoàn xã Chiềng Dong 👍 \u0000")).toBe(true);
    expect(isWellFormed(`ghi chú ${LONE_HIGH}`)).toBe(false);
    expect(isWellFormed(`${LONE_LOW}x`)).toBe(false);
    expect(isWellFormed("👍".repeat(1000).slice(0, 1999))).toBe(false);
  });
});

describe("text coming in through the API", () => {
  const body = (row: Record<string, unknown>, reporter?: Record<string, unknown>) => ({
    unit: "SL",
    period: "2023",
    template: "doan-2024",
    rows: [{ code: "GD01", actual: 1 }, row],
    ...(reporter ? { reporter } : {}),
  });

  it("refuses an ill-formed note, grade, template or reporter, naming the field", () => {
    expect(paths(submissionBody.safeParse(body({ code: "PT02", note: `a${LONE_HIGH}` })))).toEqual([
      "rows.1.note",
    ]);
    expect(paths(submissionBody.safeParse(body({ code: "TD01", actual: `X${LONE_LOW}` })))).toEqual([
      "rows.1.actual",
    ]);
    expect(
      paths(submissionBody.safeParse(body({ code: "PT02" }, { name: `Lan${LONE_HIGH}`, phone: "0912" }))),
    ).toEqual(["reporter.name"]);
    expect(
      paths(submissionBody.safeParse({ ...body({ code: "PT02" }), template: `doan${LONE_HIGH}` })),
    ).toEqual(["template"]);
  });

  it("keeps a note with NUL and emoji as it is", () => {
    const r = submissionBody.safeParse(body({ code: "PT02", note: "a\u0000b 👍" }));
    expect(r.success && r.data.rows[1]?.note).toBe("a\u0000b 👍");
  });

  it("words the refusal in both languages", () => {
    const r = submissionBody.safeParse(body({ code: "PT02", note: LONE_HIGH }));
    const issue = r.error?.issues[0] as { code: string; params?: { code?: string; vi?: string } };
    expect(issue.code).toBe("custom");
    expect(issue.params?.code).toBe("text.ill_formed");
    expect(issue.params?.vi).toMatch(/ký tự/);
  });
});

describe("unit names", () => {
  it("are trimmed", () => {
    const r = unitsImport.safeParse(unit("  Tỉnh đoàn Sơn La \t"));
    expect(r.success && r.data.units[0]?.name).toBe("Tỉnh đoàn Sơn La");
  });

  it.each([
    ["empty", ""],
    ["spaces", "   "],
    ["a tab and a no-break space", "\t\u00a0"],
    ["NUL", "Đoàn\u0000xã"],
    ["an ANSI escape", "\u001b[31mĐoàn xã\u001b[0m"],
    ["a line break", "Đoàn\nxã"],
    ["DEL", "Đoàn\u007fxã"],
    ["a right-to-left override", "Đoàn \u202exã"],
    ["a lone surrogate", `Đoàn ${LONE_HIGH}`],
  ])("refuse %s, naming units.0.name", (_what, name) => {
    const r = unitsImport.safeParse(unit(name));
    expect(r.success).toBe(false);
    expect(paths(r)).toEqual(["units.0.name"]);
  });

  it("refuse control characters and lone surrogates in the kind too", () => {
    expect(paths(unitsImport.safeParse(unit("A", "huyện\u001b")))).toEqual(["units.0.kind"]);
    expect(paths(unitsImport.safeParse(unit("A", `x${LONE_LOW}`)))).toEqual(["units.0.kind"]);
  });
});

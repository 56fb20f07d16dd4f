import { describe, expect, it } from "vitest";
import type { ScoresAnswer } from "../../shared/api/scores.ts";
import { tieuChi2021 } from "../../shared/scoring/tieu-chi-2021.ts";
import type { ScoringScheme } from "../../shared/scoring/types.ts";
import { fetchOwnScore, ownScoreLines } from "./score-view.ts";

// Version 2 of the scheme, published after this build: TC3 is renamed, so its line can only come from
// the fetched definition.
const v2: ScoringScheme = {
  ...tieuChi2021,
  version: 2,
  criteria: tieuChi2021.criteria.map((c) =>
    c.code === "TC3" ? { ...c, label: { vi: "Tiêu chí ba (bản 2)", en: "Criterion three (v2)" } } : c,
  ),
};

const answer: ScoresAnswer = {
  unit: "SL",
  period: "2026",
  scheme: { id: v2.id, version: 2, max: 500 },
  units: [],
  own: {
    unit: "SL.MAISON",
    name: "Huyện đoàn Mai Sơn",
    total: 400,
    grade: "T",
    criteria: v2.criteria.map((c) => {
      const max = c.items.reduce((n, i) => n + i.max, 0);
      return { code: c.code, points: c.code === "TC3" ? max - 12 : max, max, items: [] };
    }),
  },
};

describe("the pane's own score with a scheme version this build lacks", () => {
  it("fetches that version and names the criterion as it says", async () => {
    const asked: string[] = [];
    const client = {
      scores: async () => answer,
      scheme: async (id: string, version?: number) => {
        asked.push(`${id} v${version ?? "latest"}`);
        return v2;
      },
    };
    const view = await fetchOwnScore(client, "SL.MAISON", "2026");
    expect(asked).toEqual([`${v2.id} v2`]);
    const lines = ownScoreLines(view, "vi");
    expect(lines.some((l) => l.includes("12") && l.includes("Tiêu chí ba (bản 2)"))).toBe(true);
  });

  it("without the fetch, says the version is unknown rather than scoring with another", async () => {
    const view = await fetchOwnScore({ scores: async () => answer }, "SL.MAISON", "2026");
    expect(ownScoreLines(view, "en")).toEqual([expect.stringContaining(`${v2.id} v2`)]);
  });
});

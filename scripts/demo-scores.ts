// The demo's thi đua for 2026 (docs/scores.md): Sơn La's units in five cụm thi đua, and the council
// points each commune gives itself and the Tỉnh đoàn reviews. The computed points follow the figures
// (scripts/demo-reports.ts: `drive`), the reporting item follows who reported; these are the rest.
import type { DatedUnitInput } from "../shared/api/units.ts";
import { type DemoUnit, predecessorsAfter, unitsAfter } from "./demo-province.ts";
import { drive, generator, hash, SCORED_PERIOD } from "./demo-reports.ts";

/** Cụm thi đua by former district (the usual regional grouping), and the agency and school unions. */
const CLUSTER_OF_DISTRICT: Record<string, string> = {
  TPSL: "Cụm 1 – Thành phố, Mai Sơn, Yên Châu",
  MAISON: "Cụm 1 – Thành phố, Mai Sơn, Yên Châu",
  YENCHAU: "Cụm 1 – Thành phố, Mai Sơn, Yên Châu",
  MOCCHAU: "Cụm 2 – Mộc Châu, Vân Hồ, Phù Yên, Bắc Yên",
  VANHO: "Cụm 2 – Mộc Châu, Vân Hồ, Phù Yên, Bắc Yên",
  PHUYEN: "Cụm 2 – Mộc Châu, Vân Hồ, Phù Yên, Bắc Yên",
  BACYEN: "Cụm 2 – Mộc Châu, Vân Hồ, Phù Yên, Bắc Yên",
  THUANCHAU: "Cụm 3 – Thuận Châu, Quỳnh Nhai, Mường La",
  QUYNHNHAI: "Cụm 3 – Thuận Châu, Quỳnh Nhai, Mường La",
  MUONGLA: "Cụm 3 – Thuận Châu, Quỳnh Nhai, Mường La",
  SONGMA: "Cụm 4 – Sông Mã, Sốp Cộp",
  SOPCOP: "Cụm 4 – Sông Mã, Sốp Cộp",
};
const AGENCIES = "Cụm 5 – Khối cơ quan, trường học";

/** Sơn La's units under the Tỉnh đoàn from 2025-07-01, each with its cụm (as the unit import sends it). */
export function demoClusters(): DatedUnitInput[] {
  const from = predecessorsAfter();
  return unitsAfter()
    .filter((u): u is DemoUnit & { parent: "SL" } => u.parent === "SL")
    .map((u) => {
      const district = from.get(u.code)?.[0]?.split(".")[1];
      const cluster = district === undefined ? AGENCIES : (CLUSTER_OF_DISTRICT[district] ?? AGENCIES);
      return { code: u.code, name: u.name, parent: u.parent, ...(u.kind && { kind: u.kind }), cluster };
    });
}

/** The council items of tieu-chi-2021 and their maxima (TC6.1 is the bonus). */
const MANUAL = { "TC1.5": 10, "TC2.5": 20, "TC3.4": 20, "TC4.4": 50, "TC5.2": 20, "TC6.1": 50 } as const;

export interface DemoScoring {
  unit: string;
  self: { code: string; points: number; note?: string }[];
  /** Items the Tỉnh đoàn marked down after checking the evidence (every third commune). */
  reviewed: { code: string; points: number; note: string }[];
}

const half = (n: number) => Math.round(n * 2) / 2;

/** A commune's council points: in line with how it did (its drive), a little generous when self-given. */
export function demoScoring(unit: string): DemoScoring {
  const r = generator(hash(`manual:${unit}`));
  const d = drive(unit);
  const self = Object.entries(MANUAL).map(([code, max]) => {
    const share = code === "TC6.1" ? Math.max(0, d - 0.95) * 3 : Math.min(1, d * (0.85 + r() * 0.2));
    return { code, points: Math.min(max, half(max * share)) };
  });
  const reviewed =
    generator(hash(`review:${unit}`))() < 1 / 3
      ? [
          {
            code: "TC4.4",
            points: half((self.find((i) => i.code === "TC4.4")?.points ?? 0) * 0.8),
            note: "Hồ sơ minh chứng chưa đủ",
          },
        ]
      : [];
  return { unit, self: self.filter((i) => i.points > 0), reviewed };
}

/** The communes and wards the demo scores: those under the Tỉnh đoàn in the scored period. */
export function scoredUnits(): string[] {
  return demoClusters().map((u) => u.code);
}

export { SCORED_PERIOD };

// The demo's units over time: Tỉnh đoàn Sơn La on three tiers until 30 June 2025 (12 district-level
// unions, 202 commune unions below them, the Đoàn Khối and the university beside them), the change
// lists of 2025 (Mộc Châu became a town on 1 February; on 1 July the districts ended, the communes merged
// into 75 directly under the Tỉnh đoàn, and the district health centres' unions moved up to the Đoàn
// Khối), and the merged-province case of Bắc Kạn into Thái Nguyên. Data only: `npm start` seeds it
// (scripts/seed-demo.ts), `npm run demo` walks through it with the CLI (scripts/demo.ts).
import type { UnitChange, UnitChanges } from "../shared/api/units.ts";
import { fold } from "../shared/parse/fold.ts";
import { type NewCommune, type OldCommune, SON_LA_COMMUNES_2025, SON_LA_DISTRICTS } from "./demo-son-la.ts";
import { THAI_NGUYEN_AFTER, THAI_NGUYEN_BEFORE, THAI_NGUYEN_ENDED } from "./demo-thai-nguyen.ts";

export interface DemoUnit {
  code: string;
  name: string;
  parent: string | null;
  kind?: string;
}

/** The day the district tier ended. */
export const RESTRUCTURED = "2025-07-01";

/** "Chiềng Mai" → "CHIENGMAI". */
export const codePart = (name: string) =>
  fold(name)
    .replace(/[^a-z0-9]/g, "")
    .toUpperCase();

const PREFIX = { xa: "Đoàn xã", "thi-tran": "Đoàn thị trấn", phuong: "Đoàn phường" } as const;

function oldCommune(entry: OldCommune): { name: string; kind: keyof typeof PREFIX } {
  const [tag, rest] = entry.includes(":") ? entry.split(":") : ["", entry];
  const kind = tag === "tt" ? "thi-tran" : tag === "p" ? "phuong" : "xa";
  return { name: rest ?? entry, kind };
}

const oldCode = (district: string, name: string) => `SL.${district}.${codePart(name)}`;

/** "MAISON:Chiềng Mai" → "SL.MAISON.CHIENGMAI". */
function predecessorCode(ref: string): string {
  const [district = "", name = ""] = ref.split(":");
  return oldCode(district, name);
}

/** Units beside the districts: they outlive the restructuring (the Đoàn Khối gains the health centres). */
const BESIDE: DemoUnit[] = [
  { code: "SL.DKCQDN", name: "Đoàn Khối các cơ quan và doanh nghiệp tỉnh", parent: "SL", kind: "khoi" },
  { code: "SL.DKCQDN.SOYTE", name: "Đoàn Thanh niên Sở Y tế", parent: "SL.DKCQDN", kind: "co-quan" },
  {
    code: "SL.DKCQDN.DIENLUC",
    name: "Đoàn Thanh niên Công ty Điện lực Sơn La",
    parent: "SL.DKCQDN",
    kind: "doanh-nghiep",
  },
  { code: "SL.DHTB", name: "Đoàn trường Đại học Tây Bắc", parent: "SL", kind: "truong" },
  { code: "SL.DHTB.KSP", name: "Liên chi đoàn khoa Sư phạm", parent: "SL.DHTB", kind: "khoa" },
  { code: "SL.DHTB.KNL", name: "Liên chi đoàn khoa Nông Lâm", parent: "SL.DHTB", kind: "khoa" },
];

/** Health centres' unions under two districts until 2025-07-01, then under the Đoàn Khối. */
const HEALTH_CENTRES: { district: string; code: string; before: string; after: string }[] = [
  {
    district: "MAISON",
    code: "SL.MAISON.TTYT",
    before: "Đoàn cơ sở Trung tâm Y tế huyện Mai Sơn",
    after: "Đoàn cơ sở Trung tâm Y tế khu vực Mai Sơn",
  },
  {
    district: "THUANCHAU",
    code: "SL.THUANCHAU.TTYT",
    before: "Đoàn cơ sở Trung tâm Y tế huyện Thuận Châu",
    after: "Đoàn cơ sở Trung tâm Y tế khu vực Thuận Châu",
  },
];

function sonLaBefore(): DemoUnit[] {
  const units: DemoUnit[] = [{ code: "SL", name: "Tỉnh đoàn Sơn La", parent: null, kind: "tinh" }];
  for (const d of SON_LA_DISTRICTS) {
    units.push({ code: `SL.${d.code}`, name: d.name, parent: "SL", kind: d.kind });
    for (const entry of d.communes) {
      const c = oldCommune(entry);
      units.push({
        code: oldCode(d.code, c.name),
        name: `${PREFIX[c.kind]} ${c.name}`,
        parent: `SL.${d.code}`,
        kind: c.kind,
      });
    }
    for (const h of HEALTH_CENTRES.filter((x) => x.district === d.code)) {
      units.push({ code: h.code, name: h.before, parent: `SL.${d.code}`, kind: "co-quan" });
    }
  }
  return [...units, ...BESIDE];
}

/** The tree every demo period before 2025-07-01 was reported on (both provinces). */
export const DEMO_UNITS: DemoUnit[] = [...sonLaBefore(), ...THAI_NGUYEN_BEFORE];

const taken = new Set(DEMO_UNITS.map((u) => u.code));

/** A new commune's code: SL.<NAME>, or SL.XA-/SL.P-<NAME> where an older unit already has SL.<NAME>. */
export function newCommuneCode(c: NewCommune): string {
  const plain = `SL.${codePart(c.name)}`;
  if (c.keep) return predecessorCode(c.from[0] ?? "");
  if (!taken.has(plain)) return plain;
  return `SL.${c.kind === "phuong" ? "P" : "XA"}-${codePart(c.name)}`;
}

function sonLaChanges(): UnitChange[] {
  const changes: UnitChange[] = SON_LA_DISTRICTS.map((d) => ({ type: "close", unit: `SL.${d.code}` }));
  for (const c of SON_LA_COMMUNES_2025) {
    const code = newCommuneCode(c);
    if (c.keep) {
      changes.push({ type: "move", unit: code, parent: "SL" });
      continue;
    }
    const into = { code, name: `${PREFIX[c.kind]} ${c.name}`, parent: "SL", kind: c.kind };
    changes.push({ type: "merge", from: c.from.map(predecessorCode), into });
  }
  for (const h of HEALTH_CENTRES) {
    changes.push({ type: "move", unit: h.code, parent: "SL.DKCQDN" });
    changes.push({ type: "rename", unit: h.code, name: h.after });
  }
  return changes;
}

function thaiNguyenChanges(): UnitChange[] {
  return [
    ...THAI_NGUYEN_ENDED.map((unit): UnitChange => ({ type: "close", unit })),
    ...THAI_NGUYEN_AFTER.map(
      (c): UnitChange => ({
        type: "merge",
        from: c.from,
        into: { code: c.code, name: c.name, parent: "TN", kind: c.kind },
      }),
    ),
    { type: "merge", from: ["BK"], into: "TN" },
  ];
}

/** Every change list of the demo, in the order they are sent. */
export const DEMO_CHANGE_LISTS: UnitChanges[] = [
  {
    effective: "2025-02-01",
    changes: [{ type: "rename", unit: "SL.MOCCHAU", name: "Thị đoàn Mộc Châu" }],
  },
  { effective: RESTRUCTURED, changes: sonLaChanges() },
  { effective: RESTRUCTURED, changes: thaiNguyenChanges() },
];

/** Units of the tree from 2025-07-01 on, for the demo's reports of 2025 and 2026. */
export function unitsAfter(): DemoUnit[] {
  const after: DemoUnit[] = [
    { code: "SL", name: "Tỉnh đoàn Sơn La", parent: null, kind: "tinh" },
    ...SON_LA_COMMUNES_2025.map((c) => ({
      code: newCommuneCode(c),
      name: `${PREFIX[c.kind]} ${c.name}`,
      parent: "SL",
      kind: c.kind,
    })),
    ...BESIDE,
    ...HEALTH_CENTRES.map((h) => ({ code: h.code, name: h.after, parent: "SL.DKCQDN", kind: "co-quan" })),
    { code: "TN", name: "Tỉnh đoàn Thái Nguyên", parent: null, kind: "tinh" },
    ...THAI_NGUYEN_AFTER.map((c) => ({ code: c.code, name: c.name, parent: "TN", kind: c.kind })),
  ];
  return after;
}

/** The old units each unit of the new tree was made from (itself for a unit that continues). */
export function predecessorsAfter(): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const c of SON_LA_COMMUNES_2025) map.set(newCommuneCode(c), c.from.map(predecessorCode));
  for (const c of THAI_NGUYEN_AFTER) map.set(c.code, c.from);
  return map;
}

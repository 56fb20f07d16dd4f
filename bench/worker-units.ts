// What units over time cost D1, in rows: a Sơn La-sized restructuring (12 districts ended, 200 communes
// merged into 75 directly under the province) with one and with three past years of reports (history is
// not rewritten, so the two should be about equal); and a consolidation with compare= beside the same
// consolidation without it, for 100 and 10,000 units below.
import type { SubmissionBody, UnitsImport } from "../shared/api/schemas.ts";
import { fullRows, province } from "./fixtures.ts";
import { Figures, log } from "./lib.ts";
import {
  type Api,
  importUnits,
  rowsRead,
  rowsWritten,
  startMiniflare,
  submissionBody,
  submitAll,
} from "./worker-harness.ts";

const DISTRICTS = 12;
const COMMUNES = 200;
const MERGED = 75;

function sonLa(root: string) {
  const units: UnitsImport["units"] = [{ code: root, name: `Tỉnh đoàn ${root}`, parent: null }];
  const districts = Array.from({ length: DISTRICTS }, (_, d) => `${root}.H${d}`);
  districts.forEach((code, d) => {
    units.push({ code, name: `Huyện đoàn ${d + 1}`, parent: root });
  });
  const communes = Array.from({ length: COMMUNES }, (_, i) => `${root}.H${i % DISTRICTS}.X${i}`);
  communes.forEach((code, i) => {
    units.push({ code, name: `Đoàn xã ${i + 1}`, parent: `${root}.H${i % DISTRICTS}` });
  });
  return { units, districts, communes };
}

/** The 2025-07-01 change list: every commune merged into one of 75 new ones, every district closed. */
function restructuring(root: string, communes: readonly string[], districts: readonly string[]) {
  const groups = new Map<number, string[]>();
  communes.forEach((code, i) => {
    const g = Math.floor((i * MERGED) / COMMUNES);
    groups.set(g, [...(groups.get(g) ?? []), code]);
  });
  return {
    effective: "2025-07-01",
    changes: [
      ...[...groups].map(([g, from]) => ({
        type: "merge",
        from,
        into: { code: `${root}.N${g}`, name: `Đoàn xã mới ${g + 1}`, parent: root, kind: "xa" },
      })),
      ...districts.map((unit) => ({ type: "close", unit })),
    ],
  };
}

async function changeCost(w: Api, f: Figures, years: number): Promise<void> {
  const root = `S${years}`;
  const { units, districts, communes } = sonLa(root);
  await importUnits(w, units);
  const bodies: SubmissionBody[] = [];
  for (let y = 0; y < years; y++) {
    const period = String(2024 - y);
    for (const [i, u] of units.entries()) bodies.push(submissionBody(u.code, fullRows(i % 7), period));
  }
  await submitAll(w, bodies);
  const res = await w.call("POST", "/v1/admin/units/changes", restructuring(root, communes, districts));
  if (res.status !== 201) throw new Error(`changes: HTTP ${res.status} ${await res.text()}`);
  log(`  (${years} year(s): ${JSON.stringify(await res.json()).slice(0, 120)}…)`);
  f.add(`worker.units.changes.rows_written.${years}years`, rowsWritten(res), "rows");
}

async function read(w: Api, path: string): Promise<Response> {
  const res = await w.call("GET", path);
  if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
  return res;
}

/**
 * Province C<n>: 20 districts and n grassroots units, all reporting 2023 and 2024. The first compare
 * computes the restated figures and stores them; the next reads them (the figure the budget is about).
 * A resubmission for 2023 and a tree change then make them stale: the first compare after each is the
 * cost of computing them again, reported on its own.
 */
async function compareCost(w: Api, f: Figures, n: number): Promise<void> {
  const p = province(`C${n}`, n);
  await importUnits(w, p.units);
  const all = [p.root, ...p.districts, ...p.grassroots];
  for (const period of ["2023", "2024"]) {
    await submitAll(
      w,
      all.map((u, i) => submissionBody(u, fullRows(i % 7), period)),
    );
  }
  const plain = rowsRead(await read(w, `/v1/consolidation?unit=${p.root}&period=2024`));
  const path = `/v1/consolidation?unit=${p.root}&period=2024&compare=2023`;
  const first = await read(w, path);
  const compared = rowsRead(await read(w, path));
  f.add(`worker.consolidation.rows_read.plain.${n}units`, plain, "rows");
  f.add(`worker.consolidation.rows_read.compare.first.${n}units`, rowsRead(first), "rows");
  f.add(`worker.consolidation.rows_written.compare.first.${n}units`, rowsWritten(first), "rows");
  f.add(`worker.consolidation.rows_read.compare.${n}units`, compared, "rows");
  f.add(`worker.consolidation.rows_read.compare_vs_plain.${n}units`, compared / plain, "x");
  await submitAll(w, [submissionBody(p.grassroots[0] as string, fullRows(3), "2023")]);
  f.add(
    `worker.consolidation.rows_read.compare.after_submission.${n}units`,
    rowsRead(await read(w, path)),
    "rows",
  );
  const rename = {
    effective: "2024-07-01",
    changes: [{ type: "rename", unit: p.districts[0], name: "Đổi tên" }],
  };
  const res = await w.call("POST", "/v1/admin/units/changes", rename);
  if (res.status !== 201) throw new Error(`rename: HTTP ${res.status} ${await res.text()}`);
  f.add(
    `worker.consolidation.rows_read.compare.after_change.${n}units`,
    rowsRead(await read(w, path)),
    "rows",
  );
  f.add(`worker.consolidation.rows_read.compare.again.${n}units`, rowsRead(await read(w, path)), "rows");
}

export async function runWorkerUnits(): Promise<Figures> {
  const f = new Figures();
  const w = await startMiniflare({ probe: true, storage: "tmpfs" });
  try {
    log(`  (Miniflare at ${w.url})`);
    await changeCost(w, f, 1);
    await changeCost(w, f, 3);
    await compareCost(w, f, 100);
    await compareCost(w, f, 10000);
  } finally {
    await w.stop();
  }
  return f;
}

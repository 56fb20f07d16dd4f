// What the two hot routes cost D1, in rows (machine-independent): the province consolidation GET as the
// province grows from 10 to 10,000 units below the same 20 districts, and the rows one submission
// writes at each depth of the tree, first and again with 3 of its 45 values changed.
import { performance } from "node:perf_hooks";
import { changeFirst, fullRows, PERIOD, province } from "./fixtures.ts";
import { Figures, log, median } from "./lib.ts";
import {
  type Api,
  importUnits,
  type LocalWorker,
  probe,
  rowsRead,
  rowsWritten,
  startMiniflare,
  submissionBody,
  submit,
  submitAll,
} from "./worker-harness.ts";

const SIZES = [10, 100, 1000, 10000] as const;

/** The Worker's own tally, checked against the probe's: a mismatch means D1 use outside its Db wrapper. */
function crossCheck(what: string, res: Response): void {
  const p = probe(res);
  if (p.read !== rowsRead(res) || p.written !== rowsWritten(res)) {
    log(
      `  ! ${what}: X-D1-Rows-* say ${rowsRead(res)}/${rowsWritten(res)}, the probe saw ${p.read}/${p.written}`,
    );
  }
}

/** A small province Q with one chain of units per depth: Q (1) → Q.D (2) → Q.D.X (3); Q.D.C (3) → Q.D.C.B (4). */
async function submissionWrites(w: Api, f: Figures): Promise<void> {
  await importUnits(w, [
    { code: "Q", name: "Tỉnh đoàn Q", parent: null },
    { code: "Q.D", name: "Huyện đoàn Q", parent: "Q" },
    { code: "Q.D.X", name: "Đoàn xã X", parent: "Q.D" },
    { code: "Q.D.C", name: "Đoàn xã C", parent: "Q.D" },
    { code: "Q.D.C.B", name: "Chi đoàn B", parent: "Q.D.C" },
  ]);
  const first = async (unit: string) => submit(w, submissionBody(unit, fullRows(0)));
  f.add("worker.submit.rows_written.depth2", rowsWritten(await first("Q.D")), "rows");
  const depth3 = await first("Q.D.X");
  crossCheck("first submission", depth3);
  f.add("worker.submit.rows_written.depth3", rowsWritten(depth3), "rows");
  f.add("worker.submit.rows_read.depth3", rowsRead(depth3), "rows");
  f.add("worker.submit.d1_calls.depth3", probe(depth3).calls, "round trips");
  f.add("worker.submit.rows_written.depth4", rowsWritten(await first("Q.D.C.B")), "rows");

  const same = await submit(w, submissionBody("Q.D.X", fullRows(0)));
  f.add("worker.submit.rows_written.resubmit0changed", rowsWritten(same), "rows");
  const three = await submit(w, submissionBody("Q.D.X", changeFirst(fullRows(0), 3)));
  crossCheck("resubmission", three);
  f.add("worker.submit.rows_written.resubmit3changed", rowsWritten(three), "rows");
  f.add("worker.submit.rows_read.resubmit3changed", rowsRead(three), "rows");
  const all = await submit(w, submissionBody("Q.D.X", fullRows(5)));
  f.add("worker.submit.rows_written.resubmit45changed", rowsWritten(all), "rows");
}

async function consolidation(w: Api, root: string): Promise<Response> {
  const res = await w.call("GET", `/v1/consolidation?unit=${root}&period=${PERIOD}`);
  if (res.status !== 200) throw new Error(`consolidation: HTTP ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
  return res;
}

/** Median ms and workerd CPU ms per GET, sequential (one client, nothing else running). */
async function consolidationCost(
  w: LocalWorker,
  root: string,
  runs: number,
): Promise<{ ms: number; cpuMs: number }> {
  await consolidation(w, root);
  const times: number[] = [];
  const cpu0 = w.workerdCpuMs();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await consolidation(w, root);
    times.push(performance.now() - t0);
  }
  return { ms: median(times), cpuMs: (w.workerdCpuMs() - cpu0) / runs };
}

/** Province P grows 10 → 100 → 1,000 → 10,000 units below its 20 districts; every unit reports. */
async function consolidationReads(w: LocalWorker, f: Figures): Promise<void> {
  let have = 0;
  const reads: Record<number, number> = {};
  for (const size of SIZES) {
    const p = province("P", size, have);
    await importUnits(w, p.units);
    if (have === 0)
      await submitAll(
        w,
        p.districts.map((d, i) => submissionBody(d, fullRows(i))),
      );
    const bodies = p.grassroots.map((u, i) => submissionBody(u, fullRows((have + i) % 7)));
    if (size === 1000) {
      // A tenth of the new units late: the reporting walk enters only the districts they are in.
      const cut = Math.floor(bodies.length * 0.9);
      await submitAll(w, bodies.slice(0, cut));
      const missing = await consolidation(w, "P");
      f.add("worker.consolidation.rows_read.1000units.90pct_reported", rowsRead(missing), "rows");
      await submitAll(w, bodies.slice(cut));
    } else {
      await submitAll(w, bodies);
    }
    have = size;
    const res = await consolidation(w, "P");
    crossCheck(`consolidation of ${size} units`, res);
    reads[size] = f.add(`worker.consolidation.rows_read.${size}units`, rowsRead(res), "rows");
    if (size === 10) f.add("worker.consolidation.d1_calls", probe(res).calls, "round trips");
    const cost = await consolidationCost(w, "P", 15);
    f.add(`worker.consolidation.median_ms.${size}units`, cost.ms, "ms");
    f.add(`worker.consolidation.workerd_cpu_ms.${size}units`, cost.cpuMs, "ms/req");
    if (size === 100) {
      // Revisions below must not cost the read anything: every unit resubmits three more times.
      for (let r = 1; r <= 3; r++)
        await submitAll(
          w,
          p.grassroots.map((u) => submissionBody(u, fullRows(r))),
        );
      f.add(
        "worker.consolidation.rows_read.100units.4revisions",
        rowsRead(await consolidation(w, "P")),
        "rows",
      );
    }
  }
  f.add("worker.consolidation.rows_read.ratio.10000_vs_100", (reads[10000] ?? 0) / (reads[100] ?? 1), "x");
}

/**
 * The pull of a wide province (the 2026 shape): W with 170 units directly below it, every 7th missing,
 * asked with the reporting detail of every expected unit (detail=units), as both clients ask.
 */
async function wideProvinceRead(w: LocalWorker, f: Figures): Promise<void> {
  const units = [{ code: "W", name: "Tỉnh đoàn W", parent: null }];
  for (let i = 1; i <= 170; i++) units.push({ code: `W.X${i}`, name: `Đoàn xã ${i}`, parent: "W" } as never);
  await importUnits(w, units);
  const bodies = units
    .slice(1)
    .filter((_, i) => (i + 1) % 7 !== 0)
    .map((u, i) => ({
      ...submissionBody(u.code, fullRows(i % 7)),
      reporter: { name: `Người ${i}`, phone: "0912" },
    }));
  await submitAll(w, bodies);
  const res = await w.call("GET", `/v1/consolidation?unit=W&period=${PERIOD}&detail=units`);
  if (res.status !== 200) throw new Error(`consolidation: HTTP ${res.status}`);
  const text = await res.text();
  crossCheck("consolidation of 170 children with detail", res);
  f.add("worker.consolidation.rows_read.170children", rowsRead(res), "rows");
  f.add("worker.consolidation.bytes.170children", Buffer.byteLength(text, "utf8"), "bytes");
}

export async function runWorkerRows(): Promise<Figures> {
  const f = new Figures();
  // Row counts do not depend on the storage: tmpfs only makes seeding 10,000 reports faster.
  const w = await startMiniflare({ probe: true, storage: "tmpfs" });
  try {
    log(`  (Miniflare at ${w.url})`);
    await submissionWrites(w, f);
    await consolidationReads(w, f);
    await wideProvinceRead(w, f);
  } finally {
    await w.stop();
  }
  return f;
}

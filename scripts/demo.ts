// npm run demo: Sơn La as it went, on a machine without Excel. A local Worker on a fresh D1; the
// three-tier tree of 2023–2024 imported with `baocao units import` and its reports; the 2025-07-01
// restructuring previewed with `baocao units changes --dry-run`, then applied; 2025 and 2026 reported on
// the two-tier tree, one 2026 workbook (a new commune's, with the classic mistakes) validated, fixed and
// submitted; the province's 2026 pulled beside 2024 (`baocao pull --compare 2024`); its emulation
// ranking (`baocao scores`: cụm, grades from figures, reporting and council points). Every `baocao` step
// runs the real command in-process, so what is printed is what a user would see.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type ExcelJS from "exceljs";
import { type Io, processIo } from "../cli/io.ts";
import { run } from "../cli/main.ts";
import { loadWorkbook } from "../cli/xlsx/load-workbook.ts";
import { pickSheet } from "../cli/xlsx/pick-sheet.ts";
import { writeWorkbook } from "../cli/xlsx/write-workbook.ts";
import { createApiClient } from "../shared/api/client.ts";
import type { SubmissionBody } from "../shared/api/schemas.ts";
import type { UnitChange } from "../shared/api/units.ts";
import { locateReport } from "../shared/grid/locate.ts";
import { DEMO_CHANGE_LISTS, DEMO_UNITS } from "./demo-province.ts";
import { demoReports, SCORED_PERIOD } from "./demo-reports.ts";
import { seederTokens, seedReports, seedScores } from "./seed-demo.ts";
import { startWorker } from "./wrangler-dev.ts";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const OUT = join(ROOT, "out");
const DEMO_PERIOD = "2026";
/** The new commune whose 2026 workbook carries the classic mistakes (its report is not seeded). */
const MISTAKEN = "SL.CHIENGMAI";
/** The Sơn La change list of 2025-07-01, as the CSV a province's office would write. */
const SON_LA_2025 = DEMO_CHANGE_LISTS.find((l) =>
  l.changes.some((c) => c.type === "close" && c.unit === "SL.MAISON"),
);

type Figures = Record<string, number | string>;

/** A report's rows as cell entries: "PT02:target" for a target, "PT02" for the actual, "PT02:note". */
function figuresOf(rows: SubmissionBody["rows"]): Figures {
  const f: Figures = {};
  for (const r of rows) {
    if (r.target != null) f[`${r.code}:target`] = r.target;
    if (r.actual != null) f[r.code] = r.actual;
    if (r.note) f[`${r.code}:note`] = r.note;
  }
  return f;
}

/** The demo's mistakes: '92.387' typed as text, '12 người', and more officers informed than there are. */
function withMistakes(f: Figures): Figures {
  return { ...f, PT01: "92.387", XD01: "12 người", GD02: Number(f.GD01) + 3 };
}

const say = (text = "") => process.stdout.write(`${text}\n`);
function step(n: number, vi: string, en: string): void {
  say();
  say(`━━ ${n}. ${vi} / ${en}`);
}
function shell(args: string[]): void {
  say(`$ baocao ${args.map((a) => (/[\s"]/.test(a) ? JSON.stringify(a) : a)).join(" ")}`);
}

async function baocao(io: Io, args: string[], expected: number[]): Promise<number> {
  shell(args);
  const code = await run(args, io);
  say(`(exit ${code})`);
  if (!expected.includes(code))
    throw new Error(`baocao ${args[0]} exited ${code}, expected ${expected.join(" or ")}`);
  return code;
}

/** Types figures into the rows the locator finds (never fixed addresses), as a user would. */
async function fillWorkbook(file: string, figures: Figures): Promise<void> {
  const wb: ExcelJS.Workbook = await loadWorkbook(file);
  const { sheet, grid } = pickSheet(wb);
  const rows = new Map(locateReport(grid).rows.map((r) => [r.code, r.cells]));
  for (const [key, value] of Object.entries(figures)) {
    const [code = "", field] = key.split(":");
    const cells = rows.get(code);
    if (!cells) throw new Error(`row ${code} not found in ${file}`);
    const address = field === "target" ? cells.target : field === "note" ? cells.note : cells.actual;
    sheet.getCell(address).value = value;
  }
  await writeWorkbook(wb, file);
}

const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const csvLine = (fields: string[]) => fields.map(quote).join(",");

/** One line per change, one per merged unit: type, unit, into, name, parent, kind. */
function changesCsv(changes: UnitChange[]): string {
  const lines = ["type,unit,into,name,parent,kind"];
  for (const c of changes) {
    if (c.type === "close") lines.push(csvLine(["close", c.unit, "", "", "", ""]));
    else if (c.type === "move") lines.push(csvLine(["move", c.unit, c.parent, "", "", ""]));
    else if (c.type === "rename") lines.push(csvLine(["rename", c.unit, "", c.name, "", ""]));
    else if (c.type === "split")
      for (const u of c.into)
        lines.push(csvLine(["split", c.from, u.code, u.name, u.parent ?? "", u.kind ?? ""]));
    else
      c.from.forEach((from, k) => {
        const into = typeof c.into === "string" ? { code: c.into } : c.into;
        const described = k === 0 && "name" in into;
        lines.push(
          csvLine([
            "merge",
            from,
            into.code,
            described ? into.name : "",
            described ? (into.parent ?? "") : "",
            described ? (into.kind ?? "") : "",
          ]),
        );
      });
  }
  return `${lines.join("\n")}\n`;
}

/** Runs baocao with its output kept, then prints its first and last lines (a dry run is long). */
async function baocaoShort(
  io: Io,
  args: string[],
  expected: number[],
  head: number,
  tail: number,
): Promise<void> {
  shell(args);
  let text = "";
  const kept: Io = { ...io, stdout: { write: (t: string) => (text += t) } };
  const code = await run(args, kept);
  const lines = text.trimEnd().split("\n");
  const shown =
    lines.length <= head + tail
      ? lines
      : [
          ...lines.slice(0, head),
          `  … (${lines.length - head - tail} dòng nữa / more lines)`,
          ...lines.slice(-tail),
        ];
  for (const l of shown) say(l);
  say(`(exit ${code})`);
  if (!expected.includes(code)) throw new Error(`baocao ${args.join(" ")} exited ${code}`);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const io: Io = { ...processIo(), cwd: ROOT };
  const rel = (p: string) => relative(ROOT, p);
  say("Báo cáo Đoàn — demo: Sơn La 2023–2026, cây đơn vị theo thời gian, không cần Excel");
  say("Báo cáo Đoàn — demo: Sơn La 2023–2026, the unit tree over time, no Excel needed");
  say("Khởi động Worker trên D1 cục bộ mới / Starting a Worker on a fresh local D1…");
  const worker = await startWorker();
  say(`Worker: ${worker.url}`);
  const remote = ["--server", worker.url, "--token", worker.adminToken];
  try {
    if (!SON_LA_2025) throw new Error("no Sơn La change list in the demo");
    const names = new Map([...DEMO_UNITS].map((u) => [u.code, u.name]));
    const reports = demoReports();

    step(1, "Nạp cây đơn vị 2023–2024 (ba cấp)", "Import the 2023–2024 unit tree (three tiers)");
    const csv = join(OUT, "don-vi-2024.csv");
    const lines = DEMO_UNITS.map((u) => csvLine([u.code, u.name, u.parent ?? "", u.kind ?? ""]));
    writeFileSync(csv, `code,name,parent,kind\n${lines.join("\n")}\n`);
    await baocao(io, ["units", "import", rel(csv), ...remote], [0]);
    const senders = await seederTokens(worker.url, worker.adminToken, join(OUT, ".demo-tokens.json"));

    step(2, "Báo cáo năm 2023 và 2024 của các đơn vị", "The units' 2023 and 2024 reports");
    const old = await seedReports(
      worker.url,
      senders,
      reports.filter((r) => r.period < "2025"),
    );
    for (const [period, r] of Object.entries(old))
      say(`${period}: ${r.stored} báo cáo đã gửi / reports sent`);

    step(3, "Xem trước thay đổi ngày 01/07/2025", "Preview the changes of 1 July 2025");
    const admin = createApiClient({ baseUrl: worker.url, token: worker.adminToken });
    for (const list of DEMO_CHANGE_LISTS.filter((l) => l !== SON_LA_2025)) await admin.changeUnits(list);
    say(
      "(đã áp dụng qua API: Mộc Châu thành thị xã 01/02/2025, Bắc Kạn sáp nhập vào Thái Nguyên / applied through the API: Mộc Châu renamed, Bắc Kạn into Thái Nguyên)",
    );
    const changes = join(OUT, "thay-doi-2025-07-01.csv");
    writeFileSync(changes, changesCsv(SON_LA_2025.changes));
    const preview = ["units", "changes", rel(changes), "--effective", "01/07/2025", "--dry-run", ...remote];
    await baocaoShort(io, preview, [0], 8, 5);

    step(4, "Áp dụng", "Apply");
    await baocao(io, ["units", "changes", rel(changes), "--effective", "01/07/2025", ...remote], [0]);

    step(5, "Báo cáo năm 2025 và 2026 trên cây hai cấp", "2025 and 2026 reports on the two-tier tree");
    const recent = reports.filter(
      (r) => r.period >= "2025" && !(r.unit === MISTAKEN && r.period === DEMO_PERIOD),
    );
    const sent = await seedReports(worker.url, senders, recent);
    for (const [period, r] of Object.entries(sent))
      say(`${period}: ${r.stored} báo cáo đã gửi / reports sent`);

    step(6, "Một xã mới lập báo cáo 2026 trong Excel", "A new commune fills its 2026 workbook");
    const mistakenReport = reports.find((r) => r.unit === MISTAKEN && r.period === DEMO_PERIOD);
    if (!mistakenReport) throw new Error(`no demo report for ${MISTAKEN}`);
    const file = join(OUT, `bao-cao-${MISTAKEN}-${DEMO_PERIOD}.xlsx`);
    const name = (await admin.unitTree({ period: DEMO_PERIOD })).units.find((u) => u.code === MISTAKEN)?.name;
    await baocao(
      io,
      [
        "template",
        "--unit",
        MISTAKEN,
        "--period",
        DEMO_PERIOD,
        "--name",
        name ?? names.get(MISTAKEN) ?? MISTAKEN,
        "--out",
        rel(file),
        // The demo owns out/ and writes its files afresh on every run.
        "--force",
      ],
      [0],
    );
    const figures = figuresOf(mistakenReport.rows);
    await fillWorkbook(file, withMistakes(figures));
    await baocao(io, ["validate", rel(file)], [1]);
    const fixed = file.replace(/\.xlsx$/, "-da-sua.xlsx");
    await baocao(io, ["fix", rel(file), "--out", rel(fixed)], [1]);
    const officers = Number(figures.GD01);
    say(
      `Cán bộ phụ trách đối chiếu sổ sách, sửa GD02 thành ${officers} / The officer checks the books: GD02 = ${officers}`,
    );
    await fillWorkbook(fixed, { GD02: officers });
    await baocao(io, ["validate", rel(fixed)], [0]);
    const queue = rel(join(OUT, ".baocao-queue.json"));
    // The file was just checked above: send it even if warnings remain, without asking.
    await baocao(io, ["submit", rel(fixed), ...remote, "--queue", queue, "--yes"], [0]);

    // Thi đua 2026: the units' cụm, and the council points the communes that reported gave themselves.
    const reported = new Set(reports.filter((r) => r.period === SCORED_PERIOD).map((r) => r.unit));
    const scoring = await seedScores(worker.url, senders, reported);
    say(
      `(${scoring.clusters} đơn vị được xếp cụm, ${scoring.scored} đơn vị tự chấm điểm hội đồng / ${scoring.clusters} units given a cluster, ${scoring.scored} self-scored)`,
    );

    step(7, "Tổng hợp toàn tỉnh 2026, so với cùng kỳ 2024", "The province's 2026, compared with 2024");
    const book = join(OUT, `tong-hop-SL-${DEMO_PERIOD}.xlsx`);
    await baocao(
      io,
      [
        "pull",
        "--unit",
        "SL",
        "--period",
        DEMO_PERIOD,
        "--compare",
        "2024",
        ...remote,
        "--out",
        rel(book),
        "--print",
      ],
      [0],
    );

    step(8, "Xếp loại thi đua 2026 của Tỉnh đoàn Sơn La", "Sơn La's 2026 emulation ranking");
    const ranking = join(OUT, `xep-loai-SL-${DEMO_PERIOD}.xlsx`);
    await baocao(
      io,
      ["scores", "--unit", "SL", "--period", DEMO_PERIOD, ...remote, "--out", rel(ranking)],
      [0],
    );
    await baocao(io, ["scores", "--unit", MISTAKEN, "--period", DEMO_PERIOD, ...remote], [0]);
    say();
    say(`Xong. Các tệp trong ${rel(OUT)}/ / Done. Files in ${rel(OUT)}/`);
  } finally {
    await worker.stop();
    say("Đã dừng Worker / Worker stopped");
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`Demo thất bại / Demo failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});

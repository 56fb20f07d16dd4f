// npm run demo: the whole pipeline on a machine without Excel. A local Worker on a fresh D1, the demo
// province's unit tree, filled workbooks for several units (one with the classic mistakes), validate,
// fix, submit, pull the provincial workbook into out/, print the consolidated table, stop the Worker.
// Every step runs the real `baocao` command in-process, so what is printed is what a user would see.
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
import { locateReport } from "../shared/grid/locate.ts";
import { DEMO_UNITS } from "./demo-province.ts";
import { demoReports } from "./demo-reports.ts";
import { startWorker } from "./wrangler-dev.ts";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const OUT = join(ROOT, "out");
const DEMO_PERIOD = "2023";
/** The units whose 2023 reports the demo fills as workbooks. */
const FILLED = ["SL.MAISON.CHIENGDONG", "SL.MAISON.HATLOT", "SL.MAISON", "SL.TPSL.CHIENGLE", "SL.DKCQDN"];
const DEMO_REPORTS = demoReports().filter((r) => r.period === DEMO_PERIOD && FILLED.includes(r.unit));
/** The unit whose workbook carries the classic mistakes. */
const MISTAKEN = "SL.MAISON";

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

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const io: Io = { ...processIo(), cwd: ROOT };
  const rel = (p: string) => relative(ROOT, p);
  say("Báo cáo Đoàn — demo: mẫu → kiểm tra → sửa → gửi → tổng hợp, không cần Excel");
  say("Báo cáo Đoàn — demo: template → validate → fix → submit → consolidate, no Excel needed");
  say("Khởi động Worker trên D1 cục bộ mới / Starting a Worker on a fresh local D1…");
  const worker = await startWorker();
  say(`Worker: ${worker.url}`);
  try {
    const root = DEMO_UNITS.find((u) => u.parent === null);
    if (!root) throw new Error("the demo province has no root unit");
    const names = new Map(DEMO_UNITS.map((u) => [u.code, u.name]));

    step(1, "Nạp danh sách đơn vị", "Import the unit tree");
    const csv = join(OUT, "don-vi.csv");
    const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
    const lines = DEMO_UNITS.map((u) => [u.code, u.name, u.parent ?? "", u.kind ?? ""].map(quote).join(","));
    writeFileSync(csv, `code,name,parent,kind\n${lines.join("\n")}\n`);
    await baocao(
      io,
      ["units", "import", rel(csv), "--server", worker.url, "--token", worker.adminToken],
      [0],
    );

    step(2, "Cấp mã truy cập", "Create tokens");
    const admin = createApiClient({ baseUrl: worker.url, token: worker.adminToken });
    const reporter = (await admin.createToken(root.code, "reporter")).token;
    const reviewer = (await admin.createToken(root.code, "reviewer")).token;
    say(
      `reporter ${root.code} (gửi thay các đơn vị cấp dưới / submits for the units below): ${reporter.slice(0, 8)}…`,
    );
    say(`reviewer ${root.code} (xem tổng hợp / reads the consolidation): ${reviewer.slice(0, 8)}…`);

    step(3, "Tạo mẫu và điền báo cáo", "Write the templates and fill them");
    const files: string[] = [];
    let mistaken = "";
    for (const report of DEMO_REPORTS) {
      const file = join(OUT, `bao-cao-${report.unit}-${DEMO_PERIOD}.xlsx`);
      const name = names.get(report.unit) ?? report.unit;
      await baocao(
        io,
        ["template", "--unit", report.unit, "--period", DEMO_PERIOD, "--name", name, "--out", rel(file)],
        [0],
      );
      const figures = figuresOf(report.rows);
      await fillWorkbook(file, report.unit === MISTAKEN ? withMistakes(figures) : figures);
      if (report.unit === MISTAKEN) mistaken = file;
      else files.push(file);
    }
    if (!mistaken) throw new Error(`no demo report for ${MISTAKEN}`);
    say(
      `Đã điền ${files.length + 1} báo cáo theo số liệu mẫu; ${rel(mistaken)} có lỗi cố ý / ` +
        `${files.length + 1} filled from the seed figures; ${rel(mistaken)} has mistakes`,
    );

    step(4, "Kiểm tra", "Validate");
    await baocao(io, ["validate", rel(mistaken), ...files.map(rel)], [1]);

    step(
      5,
      "Sửa tự động, rồi người phụ trách sửa phần còn lại",
      "Fix automatically, then a person fixes the rest",
    );
    const fixed = mistaken.replace(/\.xlsx$/, "-da-sua.xlsx");
    await baocao(io, ["fix", rel(mistaken), "--out", rel(fixed)], [1]);
    // What the unit's books say (the seed report's own figure).
    const books = DEMO_REPORTS.find((r) => r.unit === MISTAKEN)?.rows.find((r) => r.code === "GD02");
    const officers = typeof books?.actual === "number" ? books.actual : 0;
    say(
      `Cán bộ phụ trách đối chiếu sổ sách, sửa GD02 thành ${officers} / The officer checks the books: GD02 = ${officers}`,
    );
    await fillWorkbook(fixed, { GD02: officers });
    await baocao(io, ["validate", rel(fixed)], [0]);

    step(6, "Gửi báo cáo", "Submit");
    const queue = rel(join(OUT, ".baocao-queue.json"));
    await baocao(
      io,
      [
        "submit",
        rel(fixed),
        ...files.map(rel),
        "--server",
        worker.url,
        "--token",
        reporter,
        "--queue",
        queue,
      ],
      [0],
    );

    step(7, "Tổng hợp toàn tỉnh", "Consolidate the province");
    const book = join(OUT, `tong-hop-${root.code}-${DEMO_PERIOD}.xlsx`);
    await baocao(
      io,
      [
        "pull",
        "--unit",
        root.code,
        "--period",
        DEMO_PERIOD,
        "--server",
        worker.url,
        "--token",
        reviewer,
        "--out",
        rel(book),
        "--print",
      ],
      [0],
    );
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

// Regenerates the README's pictures of the workbooks as LibreOffice prints them (not part of npm test):
// a real `wrangler dev` seeded with the demo (scripts/seed-demo.ts), then `baocao pull --unit SL
// --period 2026 --compare 2024` and `baocao template` for Đoàn xã Chiềng Mai, each sheet converted to
// PDF by `soffice --headless` and its first page (both of the template's) to PNG by pdftoppm
// (Debian's poppler-utils).
//   npx tsx scripts/render-pictures.ts [outdir]      (default docs/images)
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { type Io, processIo } from "../cli/io.ts";
import { run } from "../cli/main.ts";
import { seedDemo } from "./seed-demo.ts";
import { startWorker } from "./wrangler-dev.ts";

const ROOT = resolve(import.meta.dirname, "..");
const OUT = resolve(process.argv[2] ?? join(ROOT, "docs", "images"));
/** Dots per inch of the PNGs: an A4 landscape page at 80 dpi is 935 × 661 pixels, well under 300 KB. */
const DPI = "80";

function io(cwd: string): Io {
  return { ...processIo(), env: {}, cwd };
}

async function baocao(dir: string, args: string[]): Promise<void> {
  const code = await run(args, io(dir));
  if (code !== 0) throw new Error(`baocao ${args[0]} exited with ${code}`);
}

/** One sheet of `file` alone in a workbook, as LibreOffice prints it: its first pages as PNGs. */
async function picture(dir: string, file: string, sheet: string, name: string, pages = 1): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, file));
  for (const ws of [...wb.worksheets]) if (!ws.name.startsWith(sheet)) wb.removeWorksheet(ws.id);
  if (wb.worksheets.length !== 1) throw new Error(`no single sheet "${sheet}…" in ${file}`);
  await wb.xlsx.writeFile(join(dir, `${name}.xlsx`));
  const profile = `-env:UserInstallation=file://${join(dir, "profile")}`;
  const xlsx = join(dir, `${name}.xlsx`);
  execFileSync("soffice", [profile, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx], {
    stdio: "ignore",
    timeout: 180_000,
  });
  for (let page = 1; page <= pages; page++) {
    const png = ["-png", "-r", DPI, "-f", String(page), "-l", String(page), "-singlefile"];
    const out = join(OUT, page === 1 ? name : `${name}-${page}`);
    execFileSync("pdftoppm", [...png, join(dir, `${name}.pdf`), out], { stdio: "inherit" });
    console.log(`• ${out}.png`);
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "baocao-pictures-"));
  const worker = await startWorker();
  try {
    await seedDemo(worker.url, worker.adminToken, join(dir, "tokens.json"));
    const remote = ["--server", worker.url, "--token", worker.adminToken];
    const pull = "pull --unit SL --period 2026 --compare 2024 --out tong-hop.xlsx".split(" ");
    await baocao(dir, [...pull, ...remote]);
    await picture(dir, "tong-hop.xlsx", "Tổng hợp", "workbook-tong-hop");
    await picture(dir, "tong-hop.xlsx", "Theo đơn vị", "workbook-theo-don-vi");
    await picture(dir, "tong-hop.xlsx", "Tình hình nộp", "workbook-tinh-hinh-nop");
    const unit = ["--unit", "SL.CHIENGMAI", "--name", "Đoàn xã Chiềng Mai", "--period", "2026"];
    await baocao(dir, ["template", ...unit, ...remote, "--out", "mau.xlsx"]);
    // Page 2 ends with the signature block.
    await picture(dir, "mau.xlsx", "Báo cáo", "template-blank", 2);
  } finally {
    await worker.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

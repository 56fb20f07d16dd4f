// The CLI's consolidated workbook opened by a second spreadsheet program: `baocao pull` against a real
// `wrangler dev` for a province of 85 children, then LibreOffice (headless) converts it. It must open
// without a repair (the conversion succeeds and reads every sheet), "Tổng hợp" must print one page wide
// on landscape A4 (also with the two compared-period columns, which need the fit), and every Tổng cộng
// that LibreOffice reads must equal the API's total. scripts/install-libreoffice.sh (npm pretest)
// installs LibreOffice; without it this file fails saying so. The unit template (`baocao template`) is
// opened too: landscape A4 one page wide, its official header and signature block read back.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../cli/main.ts";
import { captureIo } from "../cli/testing/fixtures.ts";
import { type RunningWorker, startWorker } from "../scripts/wrangler-dev.ts";
import { createApiClient } from "../shared/api/client.ts";
import type { Consolidation } from "../shared/api/schemas.ts";
import { wideRows } from "../shared/plans/testing.ts";
import { doan2024 } from "../shared/template/doan-2024.ts";
import { consolidatedWorkbook } from "../shared/xlsx/consolidated-workbook.ts";

const CHILDREN = 85;
const PERIOD = "2026";

function soffice(): string {
  for (const p of [process.env.SOFFICE_PATH, "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"]) {
    try {
      if (p) {
        execFileSync(p, ["--version"], { stdio: "ignore", timeout: 60_000 });
        return p;
      }
    } catch {
      // try the next one
    }
  }
  throw new Error("LibreOffice (soffice) is not installed: run `bash scripts/install-libreoffice.sh`");
}

let worker: RunningWorker;
let dir: string;
let api: Consolidation;

/** soffice --convert-to, with a profile of its own (several may run on one machine). */
function convert(file: string, to: string): void {
  execFileSync(
    soffice(),
    [
      `-env:UserInstallation=file://${join(dir, "profile")}`,
      "--headless",
      "--convert-to",
      to,
      "--outdir",
      dir,
      file,
    ],
    { stdio: "pipe", timeout: 180_000 },
  );
}

/** Pages and their sizes, from the PDF's page objects (LibreOffice writes them uncompressed). */
function pdfPages(file: string): { pages: number; sizes: Set<string> } {
  const pdf = readFileSync(file).toString("latin1");
  const pages = pdf.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
  const sizes = new Set(
    [...pdf.matchAll(/\/MediaBox\s*\[\s*([\d.\s]+)\]/g)].map((m) =>
      (m[1] ?? "")
        .trim()
        .split(/\s+/)
        .map((n) => Math.round(Number(n)))
        .join(" "),
    ),
  );
  return { pages, sizes };
}

/** One CSV line: fields split on commas outside double quotes ("" inside quotes is a quote). */
function csvLine(line: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === "," && !quoted) {
      out.push(field);
      field = "";
    } else field += ch;
  }
  out.push(field);
  return out;
}

async function onlySheet(wb: ExcelJS.Workbook, name: string, file: string): Promise<void> {
  for (const ws of [...wb.worksheets]) if (ws.name !== name) wb.removeWorksheet(ws.id);
  await wb.xlsx.writeFile(file);
}

beforeAll(async () => {
  soffice();
  dir = mkdtempSync(join(tmpdir(), "baocao-lo-"));
  worker = await startWorker();
  const admin = createApiClient({ baseUrl: worker.url, token: worker.adminToken });
  const units = [{ code: "SL", name: "Tỉnh đoàn Sơn La", parent: null }];
  for (let i = 1; i <= CHILDREN; i++) {
    units.push({ code: `SL.X${String(i).padStart(3, "0")}`, name: `Đoàn xã Số ${i}`, parent: "SL" } as never);
  }
  await admin.importUnits({ units });
  const { token } = await admin.createToken("SL", "reporter");
  const reporter = createApiClient({ baseUrl: worker.url, token });
  for (let i = 1; i <= CHILDREN; i++) {
    if (i % 7 === 0) continue; // missing
    await reporter.submit(
      {
        unit: `SL.X${String(i).padStart(3, "0")}`,
        period: PERIOD,
        template: doan2024.id,
        rows: wideRows(i),
        reporter: { name: `Nguyễn Văn ${i}`, phone: `0912 000 ${i}` },
      },
      { idempotencyKey: `lo-${i}` },
    );
  }
  const c = captureIo(dir);
  const code = await run(
    [
      "pull",
      "--unit",
      "SL",
      "--period",
      PERIOD,
      "--server",
      worker.url,
      "--token",
      token,
      "--out",
      "tong-hop.xlsx",
    ],
    c.io,
  );
  if (code !== 0) throw new Error(`baocao pull: ${c.err()}`);
  api = await reporter.consolidation("SL", PERIOD, { detail: "units" });
}, 600_000);

afterAll(async () => {
  await worker?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the CLI's workbook in LibreOffice", () => {
  it("converts to PDF without a repair; Tổng hợp prints one page wide on landscape A4", async () => {
    convert(join(dir, "tong-hop.xlsx"), "pdf");
    expect(pdfPages(join(dir, "tong-hop.pdf")).pages).toBeGreaterThan(3);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "tong-hop.xlsx"));
    await onlySheet(wb, `Tổng hợp SL ${PERIOD}`, join(dir, "summary.xlsx"));
    convert(join(dir, "summary.xlsx"), "pdf");
    const plain = pdfPages(join(dir, "summary.pdf"));
    expect([...plain.sizes]).toEqual(["0 0 842 595"]);
    expect(plain.pages).toBeLessThanOrEqual(4);

    // Ten columns (Cùng kỳ, Tăng/giảm) are wider than the page at 100 %: only the fit keeps them on one
    // page width, so the page count stays that of the plain sheet instead of doubling.
    const compared = {
      ...api,
      compare: { period: "2025" },
      indicators: api.indicators.map((i) => ({ ...i, previous: { actual: i.actual ?? 1 } })),
    };
    const { wb: wide } = await consolidatedWorkbook(compared, doan2024);
    await onlySheet(wide, `Tổng hợp SL ${PERIOD}`, join(dir, "compared.xlsx"));
    convert(join(dir, "compared.xlsx"), "pdf");
    const withCompare = pdfPages(join(dir, "compared.pdf"));
    expect([...withCompare.sizes]).toEqual(["0 0 842 595"]);
    expect(withCompare.pages).toBe(plain.pages);
  });

  it("reads every Tổng cộng equal to the API's total", () => {
    // Every sheet as CSV, as LibreOffice reads it (filter token 12 = -1: all sheets, one file each).
    convert(
      join(dir, "tong-hop.xlsx"),
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
    );
    const file = readdirSync(dir).find((f) => f.endsWith(".csv") && f.includes("Theo"));
    if (!file) throw new Error(`no CSV of Theo đơn vị in ${readdirSync(dir).join(", ")}`);
    const rows = readFileSync(join(dir, file), "utf8").split(/\r?\n/).map(csvLine);
    const header = rows.find((r) => r[0] === "STT") ?? [];
    const total = rows.find((r) => r[2] === "Tổng cộng") ?? [];
    let compared = 0;
    for (const ind of api.indicators) {
      if (ind.kind !== "count" && ind.kind !== "money") continue;
      const col = header.findIndex((h) => h === ind.code || h === `${ind.code} KQ`);
      expect(col, ind.code).toBeGreaterThan(0);
      const seen = total[col] ?? "";
      const number = seen === "" ? undefined : Number(seen.replace(/[^\d.-]/g, ""));
      expect(number, `Tổng cộng ${ind.code}`).toBeCloseTo(ind.actual ?? Number.NaN, 2);
      compared++;
    }
    expect(compared).toBeGreaterThan(30);
  });
});

describe("the unit template in LibreOffice", () => {
  it("opens, prints landscape A4 one page wide, and shows the official header and signature block", async () => {
    const c = captureIo(dir);
    const args = ["template", "--unit", "SL.CHIENGMAI", "--name", "Đoàn xã Chiềng Mai", "--period", "2026"];
    expect(await run([...args, "--out", "mau.xlsx"], c.io), c.err()).toBe(0);
    convert(join(dir, "mau.xlsx"), "pdf");
    const printed = pdfPages(join(dir, "mau.pdf"));
    expect([...printed.sizes]).toEqual(["0 0 842 595"]);
    // 70 rows on two pages, fit to the page width (at 100 % the eight columns spill: six pages).
    expect(printed.pages).toBe(2);

    mkdirSync(join(dir, "csv"), { recursive: true });
    execFileSync(
      soffice(),
      [
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76",
        "--outdir",
        join(dir, "csv"),
        join(dir, "mau.xlsx"),
      ],
      { stdio: "pipe", timeout: 180_000 },
    );
    const rows = readFileSync(join(dir, "csv", "mau.csv"), "utf8")
      .split(/\r?\n/)
      .map(csvLine);
    expect(rows[0]?.[0]).toBe("ĐOÀN XÃ CHIỀNG MAI");
    expect(rows[0]?.[4]).toBe("ĐOÀN TNCS HỒ CHÍ MINH");
    expect(rows[1]?.[4]).toMatch(/^Chiềng Mai, ngày …… tháng …… năm 20\d\d$/);
    const signature = rows.findIndex((r) => r[0] === "NGƯỜI LẬP BIỂU");
    expect(rows[signature]?.[4]).toBe("T/M BAN THƯỜNG VỤ");
    expect(rows[signature + 1]?.[4]).toBe("BÍ THƯ");
    expect(rows[signature - 2]?.[0]).toBe("(*) Chỉ tiêu bắt buộc báo cáo.");
  });
});

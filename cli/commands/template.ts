// baocao template: the blank official template for a unit and period, rendered from shared's plan.
// With a server (--server/--token or BAOCAO_SERVER/BAOCAO_TOKEN) it fetches the template the period uses
// and keeps it for offline use; without one it uses the last fetched or the built-in template.
// `baocao template get ID` prints a published definition; `baocao template publish FILE.json` publishes one.

import { resolve } from "node:path";
import ExcelJS from "exceljs";
import { PERIOD_RE } from "../../shared/api/schemas.ts";
import { normalizeUnitCode } from "../../shared/api/unit-code.ts";
import { templateSheetPlan } from "../../shared/plans/template-sheet.ts";
import { DEFAULT_TEMPLATE_ID } from "../../shared/template/registry.ts";
import { renderPlan } from "../../shared/xlsx/render-plan.ts";
import { parse, REMOTE_OPTIONS, requireString } from "../args.ts";
import { EXIT, UsageError } from "../errors.ts";
import { type Io, line } from "../io.ts";
import { writeWorkbook } from "../xlsx/write-workbook.ts";
import type { Command } from "./command.ts";
import { getTemplateCommand, publishTemplateCommand, templateFor } from "./template-remote.ts";

const help = `baocao template --unit MÃ --period KỲ [--name "Tên đơn vị"] [--out tệp.xlsx] [--force]

Tạo mẫu báo cáo trống (đúng bố cục, định dạng, kiểm tra dữ liệu của add-in) cho một đơn vị và kỳ.
Writes the blank official template (the add-in's own layout, formats and data validation) for a unit and period.

  --unit CODE        mã đơn vị / unit code, e.g. SL.MAISON (sl.maison is read as SL.MAISON)
  --period PERIOD    kỳ báo cáo / period: 2023, 2023-H1, 2023-Q3, 2023-11
  --name NAME        tên đơn vị / unit name, e.g. "Huyện đoàn Mai Sơn"
  --reporter NAME    người lập / reporter
  --phone PHONE      điện thoại / phone
  --template ID      mẫu / template id (default: the period's, else ${DEFAULT_TEMPLATE_ID})
  --out FILE         tệp ghi ra / output file (default bao-cao-<UNIT>-<PERIOD>.xlsx)
  --force            ghi đè nếu tệp đã có / replace the file if it exists (never by default)
  --server URL, --token TOKEN   lấy mẫu của kỳ từ máy chủ / fetch the period's template
                     (or BAOCAO_SERVER, BAOCAO_TOKEN; without them: the last fetched or built-in template)

baocao template get ID [--version N] [--out FILE.json]   in định nghĩa mẫu / print a definition
baocao template publish FILE.json                         công bố mẫu (admin) / publish a definition

Exit: 0 written, 1 refused, 2 file unreadable, 3 server failed, 64 wrong arguments,
73 cannot write (or the file exists and --force is not given).`;

async function run(argv: string[], io: Io): Promise<number> {
  if (argv[0] === "get") return getTemplateCommand(argv.slice(1), io);
  if (argv[0] === "publish") return publishTemplateCommand(argv.slice(1), io);
  const { values } = parse("template", argv, {
    ...REMOTE_OPTIONS,
    unit: { type: "string" },
    period: { type: "string" },
    name: { type: "string" },
    reporter: { type: "string" },
    phone: { type: "string" },
    template: { type: "string" },
    out: { type: "string" },
    force: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    line(io.stdout, help);
    return EXIT.ok;
  }
  const typedUnit = requireString("template", "unit", values.unit, "SL.MAISON");
  const period = requireString("template", "period", values.period, "2023");
  const unit = normalizeUnitCode(typedUnit);
  if (unit === null) {
    throw new UsageError(
      `Mã đơn vị "${typedUnit}" không hợp lệ: chữ không dấu, số, ".", "_", "-" (ví dụ SL.MAISON).`,
      `Unit code "${typedUnit}" is not valid: letters without accents, digits, ".", "_", "-" (e.g. SL.MAISON).`,
    );
  }
  if (!PERIOD_RE.test(period)) {
    throw new UsageError(
      `Kỳ "${period}" không hợp lệ: dùng 2023, 2023-H1, 2023-Q3 hoặc 2023-11.`,
      `Period "${period}" is not valid: use 2023, 2023-H1, 2023-Q3 or 2023-11.`,
    );
  }
  const template = await templateFor(io, period, values);
  const plan = templateSheetPlan(template, {
    unitCode: unit,
    period,
    ...(values.name !== undefined && { unitName: values.name }),
    ...(values.reporter !== undefined && { reporter: values.reporter }),
    ...(values.phone !== undefined && { phone: values.phone }),
  });
  const wb = new ExcelJS.Workbook();
  wb.creator = "baocao";
  const { tableFallbacks } = await renderPlan(wb, plan);
  const name = values.out ?? `bao-cao-${unit}-${period}.xlsx`;
  const out = resolve(io.cwd, name);
  await writeWorkbook(wb, out, { overwrite: values.force === true, display: name });
  line(io.stdout, `Đã tạo mẫu / Template written: ${out}`);
  line(
    io.stdout,
    `  ${template.id} v${template.version} · ${unit} · ${period} · trang tính / sheet "${plan.name}"`,
  );
  for (const t of tableFallbacks)
    line(io.stdout, `  bảng dạng vùng định dạng / table drawn as a styled range: ${t}`);
  return EXIT.ok;
}

export const templateCommand: Command = {
  name: "template",
  summary: "tạo mẫu báo cáo trống / write the blank template",
  help,
  run,
};

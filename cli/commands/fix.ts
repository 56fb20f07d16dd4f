// baocao fix: applies every fix the check offers (text-typed numbers, spelled grades, header codes …),
// says what changed per cell, writes a new file, checks that file again and lists what is left.
import { resolve } from "node:path";
import { chooseFixes } from "../../shared/fixes.ts";
import { formatIssue } from "../../shared/messages/index.ts";
import { applyFixes } from "../../shared/xlsx/apply-fixes.ts";
import { langOption, parse, requireString } from "../args.ts";
import { checkFile, showValue } from "../check-file.ts";
import { EXIT, UsageError } from "../errors.ts";
import { type Io, line } from "../io.ts";
import { writeWorkbook } from "../xlsx/write-workbook.ts";
import type { Command } from "./command.ts";

const help = `baocao fix TỆP --out TỆP_MỚI [--lang vi|en] [--sheet TÊN]

Sửa mọi lỗi có một cách sửa duy nhất (số gõ dạng chữ như '92.387', '12 người', dấu cách thừa, xếp loại
viết đầy đủ …), ghi ra tệp mới, kể từng ô đã đổi (cũ → mới), rồi kiểm tra lại tệp mới.
Applies every unambiguous fix (numbers typed as text such as '92.387', '12 người', stray spaces, spelled
grades …) into a new file, lists each changed cell (old → new), then checks the new file again.

Tệp mới được ghi lại bằng ExcelJS: biểu đồ, pivot và macro của tệp gốc không được giữ; tệp gốc không đổi.
The new file is rewritten by ExcelJS: charts, pivots and macros are not kept; the original is unchanged.

Exit: 0 no errors left, 1 errors left (they need a person), 2 unreadable, 64 wrong arguments.`;

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse("fix", argv, {
    out: { type: "string" },
    lang: { type: "string" },
    sheet: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    line(io.stdout, help);
    return EXIT.ok;
  }
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) {
    throw new UsageError(
      "Cần đúng một tệp: baocao fix bao-cao.xlsx --out bao-cao-da-sua.xlsx",
      "Exactly one file is needed: baocao fix report.xlsx --out report-fixed.xlsx",
    );
  }
  const outArg = requireString("fix", "out", values.out, "bao-cao-da-sua.xlsx");
  const lang = langOption("fix", values.lang);
  const input = resolve(io.cwd, file);
  const out = resolve(io.cwd, outArg);
  if (out === input) {
    throw new UsageError(
      "--out phải khác tệp gốc (giữ tệp gốc để đối chiếu): chọn tên khác.",
      "--out must differ from the input (keep the original to compare): choose another name.",
    );
  }
  const sheetOpt = values.sheet !== undefined ? { sheet: values.sheet } : {};
  const before = await checkFile(input, { ...sheetOpt, display: file });
  line(io.stdout, `${file} — trang tính / sheet "${before.picked.sheet.name}"`);
  const changes = applyFixes(before.picked.sheet, before.issues, before.template);
  if (changes.length === 0) {
    line(io.stdout, "  Không có gì sửa tự động được / Nothing to fix automatically");
  }
  for (const c of changes) {
    const row = c.indicator ? ` (${c.indicator})` : "";
    line(io.stdout, `  ${c.cell}${row}: ${showValue(c.before)} → ${showValue(c.after)}`);
  }
  for (const c of chooseFixes(before.issues).conflicts) {
    const values = c.values.map(showValue).join(" / ");
    line(
      io.stdout,
      `  ${c.address}: không sửa tự động, có hai cách sửa khác nhau (${values}): chọn và sửa tay`,
    );
    line(io.stdout, `    not fixed: two different fixes are proposed (${values}): choose one by hand`);
  }
  await writeWorkbook(before.workbook, out);
  line(io.stdout, `Đã ghi / Written: ${outArg} (${changes.length} ô đã sửa / cell(s) fixed)`);

  // Check what was written, not what we think we wrote.
  const after = await checkFile(out, { ...sheetOpt, display: outArg });
  if (after.issues.length === 0) {
    line(io.stdout, "Kiểm tra lại: không còn lỗi / Checked again: no issues left");
    return EXIT.ok;
  }
  line(
    io.stdout,
    `Kiểm tra lại: còn ${after.errors} lỗi, ${after.warnings} cảnh báo cần người sửa / ` +
      `Checked again: ${after.errors} error(s), ${after.warnings} warning(s) need a person`,
  );
  for (const i of after.issues) {
    line(io.stdout, `  ${i.severity === "error" ? "✗" : "!"} ${formatIssue(i, after.template, lang, "cli")}`);
  }
  return after.errors > 0 ? EXIT.invalid : EXIT.ok;
}

export const fixCommand: Command = {
  name: "fix",
  summary: "sửa tự động các lỗi rõ ràng / apply the unambiguous fixes",
  help,
  run,
};

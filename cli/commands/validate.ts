// baocao validate: every issue of every file, with the add-in's rules and messages; optional annotated
// copies; a summary table when there are several files.
import { basename, join, resolve } from "node:path";
import { createApiClient } from "../../shared/api/client.ts";
import { fetchPeriodTemplate } from "../../shared/api/period-template.ts";
import type { Issue } from "../../shared/issues.ts";
import { formatIssue } from "../../shared/messages/index.ts";
import type { Lang } from "../../shared/messages/types.ts";
import { marksPlan } from "../../shared/plans/marks.ts";
import { type TemplateRef, templateNotice } from "../../shared/template/notice.ts";
import { langOption, parse, REMOTE_OPTIONS } from "../args.ts";
import { checkFile, type FileCheck, showValue } from "../check-file.ts";
import { CliError, EXIT, UsageError } from "../errors.ts";
import { type Io, line } from "../io.ts";
import { progress } from "../progress.ts";
import { keepTemplate, offlineTemplate } from "../template-cache.ts";
import { textTable } from "../text-table.ts";
import { applyMarks } from "../xlsx/apply-marks.ts";
import { writeWorkbook } from "../xlsx/write-workbook.ts";
import type { Command } from "./command.ts";

const help = `baocao validate TỆP… [--json] [--lang vi|en] [--annotate THƯ_MỤC] [--sheet TÊN]

Kiểm tra báo cáo .xlsx bằng đúng các quy tắc của add-in: mỗi lỗi ghi trang tính, ô (F14), mức độ,
nội dung và cách sửa.
Checks .xlsx reports with the add-in's own rules: every issue with sheet, cell (F14), severity, message
and fix.

  --json             kết quả dạng JSON trên stdout / JSON on stdout
  --lang vi|en       ngôn ngữ thông báo / message language (default vi)
  --annotate DIR     ghi bản sao có đánh dấu ô lỗi (tô màu + ghi chú) vào DIR
                     write a copy of each file with problem cells filled and noted into DIR
  --sheet NAME       kiểm tra trang tính này / check this sheet
  --server URL, --token TOKEN   (hoặc BAOCAO_SERVER, BAOCAO_TOKEN) báo khi tệp dùng mẫu khác mẫu của kỳ
                     (or the environment) say when a file's template is not its period's

Trang tính được kiểm tra: trang tính có bảng báo cáo (tìm theo nội dung, không theo tên); nếu có nhiều,
chọn trang tính hiện đầu tiên theo thứ tự thẻ và cảnh báo các trang còn lại (dùng --sheet để chọn khác).
Which sheet: the one holding the report table (found by content, not name); with several, the first
visible one in tab order, the others named in a warning (use --sheet to choose another).

Exit: 0 no errors (warnings allowed), 1 errors, 2 a file cannot be read, 64 wrong arguments.`;

interface FileResult {
  file: string;
  status: "ok" | "errors" | "unreadable";
  sheet?: string;
  sheetReason?: { vi: string; en: string };
  otherSheets?: string[];
  unit?: string;
  period?: string;
  template?: string;
  errors: number;
  warnings: number;
  issues: JsonIssue[];
  annotated?: string;
  /** With a server: the sheet's template is not the one its period uses ("tải mẫu mới"). */
  templateNotice?: { vi: string; en: string };
  /** Why the file could not be read. */
  error?: string;
}

interface JsonIssue {
  sheet?: string;
  cell?: string;
  severity: Issue["severity"];
  code: Issue["code"];
  indicator?: string;
  field?: string;
  rule?: string;
  message: string;
  i18n: { vi: string; en: string };
  fix: { value: string | number | null } | null;
}

const LABEL: Record<Lang, { error: string; warning: string; fix: string }> = {
  vi: { error: "Lỗi", warning: "Cảnh báo", fix: "sửa thành" },
  en: { error: "Error", warning: "Warning", fix: "fix" },
};

function jsonIssue(i: Issue, fc: FileCheck, lang: Lang): JsonIssue {
  const vi = formatIssue(i, fc.template, "vi", "cli");
  const en = formatIssue(i, fc.template, "en", "cli");
  return {
    ...(i.sheet !== undefined && { sheet: i.sheet }),
    ...(i.cell !== undefined && { cell: i.cell }),
    severity: i.severity,
    code: i.code,
    ...(i.indicator !== undefined && { indicator: i.indicator }),
    ...(i.field !== undefined && { field: i.field }),
    ...(i.rule !== undefined && { rule: i.rule }),
    message: lang === "vi" ? vi : en,
    i18n: { vi, en },
    fix: i.fix ? { value: i.fix.value } : null,
  };
}

function printFile(io: Io, r: FileResult, lang: Lang): void {
  if (r.status === "unreadable") {
    line(io.stdout, `✗ ${r.file}`);
    for (const l of (r.error ?? "").split("\n")) line(io.stdout, `  ${l.replace(`${r.file}: `, "")}`);
    return;
  }
  line(io.stdout, `${r.status === "ok" ? "✓" : "✗"} ${r.file}`);
  line(io.stdout, `  Trang tính / Sheet: "${r.sheet}" (${r.sheetReason?.vi} / ${r.sheetReason?.en})`);
  if (r.otherSheets && r.otherSheets.length > 0) {
    const names = r.otherSheets.map((s) => `"${s}"`).join(", ");
    line(
      io.stdout,
      `  ! Các trang tính khác cũng có bảng báo cáo, không được kiểm tra: ${names} (chọn bằng --sheet)`,
    );
    line(
      io.stdout,
      `    Other sheets also hold the report table and were not checked: ${names} (choose with --sheet)`,
    );
  }
  line(
    io.stdout,
    `  Đơn vị / Unit: ${r.unit || "?"} · Kỳ / Period: ${r.period || "?"} · Mẫu / Template: ${r.template ?? "?"}`,
  );
  const L = LABEL[lang];
  for (const i of r.issues) {
    const sev = i.severity === "error" ? `✗ ${L.error}` : `! ${L.warning}`;
    const fix = i.fix ? `  → ${L.fix} ${showValue(i.fix.value)}` : "";
    line(io.stdout, `  ${sev}: ${i.message}${fix}`);
  }
  line(
    io.stdout,
    r.issues.length === 0
      ? "  Không có lỗi / No issues"
      : `  ${r.errors} lỗi, ${r.warnings} cảnh báo / ${r.errors} error(s), ${r.warnings} warning(s)`,
  );
  if (r.issues.some((i) => i.fix)) {
    const cmd = `baocao fix ${r.file} --out ${r.file.replace(/(\.xlsx)?$/i, "-da-sua.xlsx")}`;
    line(io.stdout, `  Sửa tự động các ô có "→" / apply the "→" fixes: ${cmd}`);
  }
  if (r.annotated) line(io.stdout, `  Bản đánh dấu / Annotated copy: ${r.annotated}`);
  if (r.templateNotice) line(io.stdout, `  ${r.templateNotice.vi} / ${r.templateNotice.en}`);
}

function printSummary(io: Io, results: FileResult[]): void {
  const status = { ok: "OK", errors: "LỖI/ERRORS", unreadable: "KHÔNG ĐỌC ĐƯỢC/UNREADABLE" };
  line(io.stdout);
  line(
    io.stdout,
    textTable(
      ["Tệp/File", "Đơn vị/Unit", "Kỳ/Period", "Lỗi/Errors", "Cảnh báo/Warnings", "Kết quả/Result"],
      results.map((r) => [
        r.file,
        r.unit ?? "",
        r.period ?? "",
        r.status === "unreadable" ? "-" : String(r.errors),
        r.status === "unreadable" ? "-" : String(r.warnings),
        status[r.status],
      ]),
      ["left", "left", "left", "right", "right", "left"],
    ),
  );
}

async function annotate(fc: FileCheck, dir: string, cwd: string, lang: Lang): Promise<string> {
  const out = resolve(cwd, dir, basename(fc.file));
  if (out === resolve(cwd, fc.file)) {
    throw new UsageError(
      `--annotate ${dir} sẽ ghi đè lên chính tệp ${fc.file}: chọn thư mục khác.`,
      `--annotate ${dir} would overwrite ${fc.file} itself: choose another folder.`,
    );
  }
  applyMarks(fc.workbook, marksPlan(fc.issues, fc.template, lang, "cli"), fc.picked.sheet.name);
  await writeWorkbook(fc.workbook, out);
  return join(dir, basename(fc.file));
}

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse("validate", argv, {
    json: { type: "boolean" },
    lang: { type: "string" },
    annotate: { type: "string" },
    sheet: { type: "string" },
    help: { type: "boolean", short: "h" },
    ...REMOTE_OPTIONS,
  });
  if (values.help) {
    line(io.stdout, help);
    return EXIT.ok;
  }
  const periodTemplates = periodTemplateLookup(io, values);
  if (positionals.length === 0) {
    throw new UsageError(
      "Thiếu tệp cần kiểm tra: baocao validate bao-cao.xlsx (xem --help).",
      "No file to check: baocao validate report.xlsx (see --help).",
    );
  }
  const lang = langOption("validate", values.lang);
  const results: FileResult[] = [];
  const bar = values.json ? progress(io, 0) : progress(io, positionals.length);
  try {
    for (const file of positionals) {
      bar.tick(file);
      const result = await checkOne(file, values.sheet, values.annotate, io, lang);
      results.push(await withTemplateNotice(result, periodTemplates));
    }
  } finally {
    bar.done();
  }
  const exitCode = results.some((r) => r.status === "unreadable")
    ? EXIT.unreadable
    : results.some((r) => r.status === "errors")
      ? EXIT.invalid
      : EXIT.ok;
  if (values.json) {
    line(io.stdout, JSON.stringify({ files: results, exitCode }, null, 2));
    return exitCode;
  }
  for (const r of results) printFile(io, r, lang);
  if (results.length > 1) printSummary(io, results);
  return exitCode;
}

async function checkOne(
  file: string,
  sheet: string | undefined,
  annotateDir: string | undefined,
  io: Io,
  lang: Lang,
): Promise<FileResult> {
  let fc: FileCheck;
  try {
    fc = await checkFile(resolve(io.cwd, file), {
      display: file,
      templates: (id, version) => offlineTemplate(io, id, version),
      ...(sheet !== undefined && { sheet }),
    });
  } catch (e) {
    if (e instanceof CliError && e.exitCode === EXIT.unreadable) {
      return {
        file,
        status: "unreadable",
        errors: 0,
        warnings: 0,
        issues: [],
        error: e.message,
      };
    }
    throw e;
  }
  const h = fc.located.header;
  const result: FileResult = {
    file,
    status: fc.errors > 0 ? "errors" : "ok",
    sheet: fc.picked.sheet.name,
    sheetReason: fc.picked.reason,
    otherSheets: fc.picked.others,
    ...(h.unitCode !== undefined && { unit: h.unitCode }),
    ...(h.period !== undefined && { period: h.period }),
    ...(fc.template !== undefined && { template: `${fc.template.id} v${fc.template.version}` }),
    errors: fc.errors,
    warnings: fc.warnings,
    issues: fc.issues.map((i) => jsonIssue(i, fc, lang)),
  };
  if (annotateDir !== undefined) {
    result.annotated = await annotate({ ...fc, file }, annotateDir, io.cwd, lang);
  }
  return result;
}

type PeriodTemplates = (period: string) => Promise<TemplateRef | undefined>;

/** With a server: the template (id, latest version) each period uses, asked once per period. */
function periodTemplateLookup(
  io: Io,
  values: { server?: string; token?: string },
): PeriodTemplates | undefined {
  const server = values.server ?? io.env.BAOCAO_SERVER;
  const token = values.token ?? io.env.BAOCAO_TOKEN;
  if (!server || !token) return undefined;
  const client = createApiClient({
    baseUrl: server,
    token,
    timeoutMs: 30_000,
    ...(io.fetch && { fetch: io.fetch }),
  });
  const asked = new Map<string, Promise<TemplateRef | undefined>>();
  return (period) => {
    let answer = asked.get(period);
    if (!answer) {
      answer = (async () => {
        const template = await fetchPeriodTemplate(client, period);
        if (!template) return undefined;
        await keepTemplate(io, template);
        return { id: template.id, version: template.version };
      })().catch(() => undefined); // offline: the check stands without the notice
      asked.set(period, answer);
    }
    return answer;
  };
}

async function withTemplateNotice(r: FileResult, lookup: PeriodTemplates | undefined): Promise<FileResult> {
  const m = r.template === undefined ? null : /^(\S+) v(\d+)$/.exec(r.template);
  if (!lookup || !m || r.period === undefined) return r;
  const current = await lookup(r.period);
  const notice = current && templateNotice({ id: m[1] as string, version: Number(m[2]) }, current);
  return notice ? { ...r, templateNotice: notice } : r;
}

export const validateCommand: Command = {
  name: "validate",
  summary: "kiểm tra báo cáo .xlsx / check .xlsx reports",
  help,
  run,
};

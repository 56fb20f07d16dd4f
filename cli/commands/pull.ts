// baocao pull: the consolidated figures of a unit and period, rendered from the same consolidated sheet
// plan as the add-in's "Tổng hợp" sheet. Other units' text is written as text cells, never formulas.
import { resolve } from "node:path";
import { createApiClient } from "../../shared/api/client.ts";
import { PERIOD_RE, UNIT_CODE_RE } from "../../shared/api/schemas.ts";
import { normalizeUnitCode } from "../../shared/api/unit-code.ts";
import { type PulledRanking, rankingForPull } from "../../shared/scoring/pull-scores.ts";
import { getTemplate } from "../../shared/template/registry.ts";
import { consolidatedWorkbook } from "../../shared/xlsx/consolidated-workbook.ts";
import { remoteFailure } from "../api-errors.ts";
import { langOption, parse, REMOTE_OPTIONS, remote, requireString } from "../args.ts";
import { consolidationTable } from "../consolidation-table.ts";
import { CliError, EXIT, UsageError } from "../errors.ts";
import { type Io, line } from "../io.ts";
import { writeWorkbook } from "../xlsx/write-workbook.ts";
import type { Command } from "./command.ts";

const help = `baocao pull --unit MÃ --period KỲ [--compare KỲ] --server URL --token TOKEN [--out tong-hop.xlsx] [--lang vi|en] [--print]

Tải số liệu tổng hợp của một đơn vị và kỳ, ghi thành sổ tính "Tổng hợp" (cùng bố cục với add-in), kèm
trang "Xếp loại" khi máy chủ chấm điểm kỳ này.
Downloads the consolidated figures of a unit and period into a "Tổng hợp" workbook (the add-in's layout),
with the "Xếp loại" ranking sheet when the server scores the period.

  --unit CODE        đơn vị cần tổng hợp / unit, e.g. SL
  --period PERIOD    kỳ / period, e.g. 2023
  --compare PERIOD   so với kỳ này, quy đổi theo cây đơn vị của --period: thêm cột "Cùng kỳ …" và
                     "Tăng/giảm (%)" / compare with this period, restated onto --period's tree
  --out FILE         tệp ghi ra / output (default tong-hop-<UNIT>-<PERIOD>.xlsx)
  --lang vi|en       ngôn ngữ của sổ tính / workbook language (default vi)
  --print            in bảng tổng hợp ra màn hình / also print the table in the terminal
  --server, --token  or BAOCAO_SERVER, BAOCAO_TOKEN

Exit: 0 written, 3 server unreachable or refused, 64 wrong arguments, 73 cannot write.`;

async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parse("pull", argv, {
    ...REMOTE_OPTIONS,
    unit: { type: "string" },
    period: { type: "string" },
    compare: { type: "string" },
    out: { type: "string" },
    lang: { type: "string" },
    print: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    line(io.stdout, help);
    return EXIT.ok;
  }
  const typedUnit = requireString("pull", "unit", values.unit, "SL");
  const unit = normalizeUnitCode(typedUnit) ?? typedUnit;
  const period = requireString("pull", "period", values.period, "2023");
  if (!UNIT_CODE_RE.test(unit) || !PERIOD_RE.test(period)) {
    throw new UsageError(
      `Mã đơn vị "${unit}" hoặc kỳ "${period}" không hợp lệ (ví dụ --unit SL --period 2023).`,
      `Unit "${unit}" or period "${period}" is not valid (e.g. --unit SL --period 2023).`,
    );
  }
  const compare = values.compare?.trim();
  if (compare !== undefined && !PERIOD_RE.test(compare)) {
    throw new UsageError(
      `Kỳ so sánh "${compare}" không hợp lệ (ví dụ --compare 2024 hoặc --compare 2025-H1).`,
      `Compared period "${compare}" is not valid (e.g. --compare 2024 or --compare 2025-H1).`,
    );
  }
  const lang = langOption("pull", values.lang);
  const { server, token } = remote("pull", values, io);
  const client = createApiClient({
    baseUrl: server,
    token,
    timeoutMs: 60_000,
    ...(io.fetch !== undefined && { fetch: io.fetch }),
  });
  let consolidation: Awaited<ReturnType<typeof client.consolidation>>;
  let ranking: PulledRanking | undefined;
  try {
    // The answer names missing and late units and details every expected unit: no second look-up. The
    // children's ranking (Xếp loại) comes beside it, when the server scores the period.
    [consolidation, ranking] = await Promise.all([
      client.consolidation(unit, period, { compare, detail: "units" }),
      rankingForPull(client, unit, period),
    ]);
  } catch (e) {
    throw remoteFailure(e);
  }
  const template = getTemplate(consolidation.template);
  if (!template) {
    throw new CliError(
      `Máy chủ dùng mẫu "${consolidation.template}" mà bản baocao này chưa biết: cập nhật baocao rồi thử lại.`,
      `The server uses template "${consolidation.template}", unknown to this baocao: update baocao and retry.`,
      EXIT.server,
    );
  }
  const { wb, sheets, tableFallbacks } = await consolidatedWorkbook(consolidation, template, {
    lang,
    at: new Date(),
    ...(ranking !== undefined && { ranking }),
  });
  const out = resolve(io.cwd, values.out ?? `tong-hop-${unit}-${period}.xlsx`);
  await writeWorkbook(wb, out);
  const r = consolidation.reporting;
  line(io.stdout, `Đã ghi / Written: ${out}`);
  line(io.stdout, `  ${sheets.join(" · ")}`);
  if (compare !== undefined)
    line(
      io.stdout,
      `  so với / compared with ${compare} (quy đổi theo cây đơn vị ${period} / restated onto ${period}'s tree)`,
    );
  line(
    io.stdout,
    `  ${unit} · ${period} · đã nộp ${r.submitted}/${r.expected} đơn vị, chưa nộp ${r.missing.length} / ` +
      `${r.submitted}/${r.expected} units submitted, ${r.missing.length} missing`,
  );
  for (const t of tableFallbacks)
    line(io.stdout, `  bảng dạng vùng định dạng / table drawn as a styled range: ${t}`);
  if (values.print) {
    const width = (io.stdout as { columns?: number }).columns ?? 120;
    line(io.stdout);
    line(io.stdout, consolidationTable(consolidation, template, { lang, width }));
  }
  return EXIT.ok;
}

export const pullCommand: Command = {
  name: "pull",
  summary: "tải sổ tính tổng hợp / download the consolidated workbook",
  help,
  run,
};

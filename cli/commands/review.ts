// baocao review: the level above lists its units' reports with their review state, and accepts,
// returns (with comments, one per indicator if need be) or reopens one. The decision names the
// revision the command read, so a report resubmitted meanwhile is not reviewed blind (409).
import { ApiError, createApiClient } from "../../shared/api/client.ts";
import type { ReviewDecision, ReviewItem, ReviewList } from "../../shared/api/reviews.ts";
import { PERIOD_RE, UNIT_CODE_RE } from "../../shared/api/schemas.ts";
import { formatDateTimeVn, formatPeriodVn } from "../../shared/format/vietnam-time.ts";
import { describeChange, STATE_LABEL } from "../../shared/review/labels.ts";
import { remoteFailure } from "../api-errors.ts";
import { parse, REMOTE_OPTIONS, remote, requireString } from "../args.ts";
import { CliError, EXIT, UsageError } from "../errors.ts";
import { type Io, line } from "../io.ts";
import { textTable } from "../text-table.ts";
import type { Command } from "./command.ts";

const help = `baocao review list --unit MÃ --period KỲ
baocao review accept|return|reopen --unit MÃ --period KỲ [--comment "…"] [--item MÃ_CHỈ_TIÊU="…" …]

Duyệt báo cáo của đơn vị cấp dưới / Review the reports of the units below:
  list     các đơn vị dưới --unit và trạng thái báo cáo (Chưa nộp, Đã nộp, Bị trả lại, Đã duyệt)
           the units below --unit and their report's state
  accept   duyệt: số liệu được chốt, đơn vị không gửi lại được cho đến khi mở lại
           accept: the figures are final until reopened
  return   trả lại kèm nhận xét (--comment) và nhận xét từng chỉ tiêu (--item GD04="…", nhiều lần)
           return with a comment and per-indicator comments (--item, repeatable)
  reopen   mở lại báo cáo đã duyệt / reopen an accepted report

  --unit CODE        list: đơn vị cấp trên / the unit above; others: the unit reviewed
  --period PERIOD    kỳ / period, e.g. 2026
  --revision N       bản được duyệt (mặc định: bản hiện tại) / revision reviewed (default: current)
  --server, --token  or BAOCAO_SERVER, BAOCAO_TOKEN (a reviewer's token of a unit above)

Exit: 0 done, 1 refused (state or revision changed), 3 server unreachable or refused, 64 wrong arguments.`;

const DECISIONS: ReviewDecision[] = ["accept", "return", "reopen"];

/** --item GD04="Kiểm tra lại" → { code, comment }. */
export function parseItems(items: readonly string[]): ReviewItem[] {
  return items.map((text) => {
    const m = /^\s*([A-Za-z]{2}\d{2})\s*=\s*(.+)$/s.exec(text);
    if (!m?.[1] || !m[2]?.trim()) {
      throw new UsageError(
        `--item "${text}" không đúng dạng MÃ=nhận xét (ví dụ --item GD04="Kiểm tra lại số đoàn viên").`,
        `--item "${text}" is not CODE=comment (e.g. --item GD04="Check the member count").`,
      );
    }
    return { code: m[1].toUpperCase(), comment: m[2].trim() };
  });
}

function checkCodes(unit: string, period: string): void {
  if (!UNIT_CODE_RE.test(unit)) {
    throw new UsageError(`Mã đơn vị "${unit}" không hợp lệ.`, `Unit code "${unit}" is not valid.`);
  }
  if (!PERIOD_RE.test(period)) {
    throw new UsageError(
      `Kỳ "${period}" không hợp lệ: dùng 2026, 2026-H1, 2026-Q3 hoặc 2026-11.`,
      `Period "${period}" is not valid: use 2026, 2026-H1, 2026-Q3 or 2026-11.`,
    );
  }
}

export function reviewListText(list: ReviewList): string {
  const rows = list.units.map((u) => [
    u.unit,
    u.name,
    STATE_LABEL[u.state].vi,
    u.revision === undefined ? "" : String(u.revision),
    u.receivedAt ? formatDateTimeVn(u.receivedAt) : "",
    u.reviewedAt ? `${formatDateTimeVn(u.reviewedAt)} (${u.reviewer ?? ""})` : "",
  ]);
  const count = (s: keyof typeof STATE_LABEL) => list.units.filter((u) => u.state === s).length;
  const summary = (["missing", "submitted", "returned", "accepted"] as const)
    .map((s) => `${STATE_LABEL[s].vi} / ${STATE_LABEL[s].en.toLowerCase()} ${count(s)}`)
    .join(" · ");
  return [
    `${list.unit} · ${formatPeriodVn(list.period)} — ${list.units.length} đơn vị / units`,
    textTable(
      [
        "Mã / Code",
        "Tên / Name",
        "Trạng thái / State",
        "Bản / Rev.",
        "Nhận lúc / Received",
        "Duyệt / Reviewed",
      ],
      rows,
      ["left", "left", "left", "right"],
    ),
    summary,
  ].join("\n");
}

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse("review", argv, {
    ...REMOTE_OPTIONS,
    unit: { type: "string" },
    period: { type: "string" },
    revision: { type: "string" },
    comment: { type: "string" },
    item: { type: "string", multiple: true },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    line(io.stdout, help);
    return EXIT.ok;
  }
  const [action, ...extra] = positionals;
  const decision = DECISIONS.find((d) => d === action);
  if ((action !== "list" && !decision) || extra.length > 0) {
    throw new UsageError(
      "Dùng: baocao review list|accept|return|reopen --unit MÃ --period KỲ (xem --help).",
      "Use: baocao review list|accept|return|reopen --unit CODE --period PERIOD (see --help).",
    );
  }
  const unit = requireString("review", "unit", values.unit, "SL");
  const period = requireString("review", "period", values.period, "2026");
  checkCodes(unit, period);
  const items = parseItems(values.item ?? []);
  const { server, token } = remote("review", values, io);
  const client = createApiClient({
    baseUrl: server,
    token,
    ...(io.fetch !== undefined && { fetch: io.fetch }),
  });
  try {
    if (!decision) {
      line(io.stdout, reviewListText(await client.reviews(unit, period)));
      return EXIT.ok;
    }
    return await decide(client, io, {
      unit,
      period,
      decision,
      items,
      comment: values.comment,
      revision: values.revision,
    });
  } catch (e) {
    if (e instanceof CliError) throw e;
    const failure = remoteFailure(e);
    // The report moved on (resubmitted, reviewed by someone else) or the body was refused: exit 1.
    if (e instanceof ApiError && [409, 422, 423].includes(e.status)) {
      throw new CliError(...(failure.message.split("\n") as [string, string]), EXIT.invalid);
    }
    throw failure;
  }
}

interface Decision {
  unit: string;
  period: string;
  decision: ReviewDecision;
  items: ReviewItem[];
  comment: string | undefined;
  revision: string | undefined;
}

async function decide(client: ReturnType<typeof createApiClient>, io: Io, d: Decision): Promise<number> {
  const seen = await client.submissions(d.unit, d.period);
  const revision = d.revision === undefined ? (seen.current?.revision ?? 0) : Number(d.revision);
  if (!Number.isInteger(revision) || revision < 1) {
    throw new UsageError(
      `${d.unit} chưa có báo cáo kỳ ${d.period} để duyệt (hoặc --revision không hợp lệ).`,
      `${d.unit} has no report for ${d.period} to review (or --revision is not valid).`,
    );
  }
  if (seen.changes && seen.changes.items.length > 0) {
    line(io.stdout, `Thay đổi từ bản ${seen.changes.since} / Changes since revision ${seen.changes.since}:`);
    for (const c of seen.changes.items) line(io.stdout, `  ${describeChange(c, "vi")}`);
  }
  const answer = await client.review({
    unit: d.unit,
    period: d.period,
    revision,
    decision: d.decision,
    ...(d.comment === undefined ? {} : { comment: d.comment }),
    ...(d.items.length === 0 ? {} : { items: d.items }),
  });
  const label = STATE_LABEL[answer.state];
  line(
    io.stdout,
    `✓ ${answer.unit} · ${formatPeriodVn(answer.period)} · bản / revision ${answer.revision}: ${label.vi} / ${label.en} — ${formatDateTimeVn(answer.reviewedAt)} (${answer.reviewer})`,
  );
  for (const i of d.items) line(io.stdout, `  ${i.code}: ${i.comment}`);
  return EXIT.ok;
}

export const reviewCommand: Command = {
  name: "review",
  summary: "duyệt, trả lại, mở lại báo cáo cấp dưới / accept, return, reopen reports below",
  help,
  run,
};

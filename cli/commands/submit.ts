// baocao submit: check each file, refuse those with errors, send the others with an Idempotency-Key
// (bounded retries with the same key), queue what could not be delivered, and sum up.
import { resolve } from "node:path";
import { createApiClient, newIdempotencyKey } from "../../shared/api/client.ts";
import { submissionBody } from "../../shared/api/submission-body.ts";
import { formatIssue } from "../../shared/messages/index.ts";
import type { Lang } from "../../shared/messages/types.ts";
import { langOption, parse, REMOTE_OPTIONS, remote } from "../args.ts";
import { checkFile, type FileCheck } from "../check-file.ts";
import { CliError, EXIT, UsageError } from "../errors.ts";
import { type Io, line } from "../io.ts";
import { confirmWarnings, countWarnings } from "../submit/confirm.ts";
import { flushQueue } from "../submit/flush.ts";
import { type Outcome, printOutcomes } from "../submit/outcomes.ts";
import { queuePath, readQueue, writeQueue } from "../submit/queue-file.ts";
import { DEFAULT_RETRY, type RetryPolicy, sendWithRetry } from "../submit/send.ts";
import type { Command } from "./command.ts";

const help = `baocao submit TỆP… --server URL --token TOKEN [--mode replace|merge] [--queue TỆP] [--yes]

Kiểm tra rồi gửi từng báo cáo lên máy chủ. Tệp còn lỗi không được gửi (liệt kê lỗi). Mỗi lần gửi có một
Idempotency-Key; mất mạng hoặc máy chủ lỗi tạm thời thì thử lại với CÙNG khóa, rồi xếp vào hàng đợi
(.baocao-queue.json) để lần "submit" hoặc "queue flush" sau gửi lại — không mất, không tính hai lần.
Checks then submits each report. Files with errors are not sent (their errors are listed). Each send has
an Idempotency-Key; on network failure or a temporary server error it is retried with the SAME key, then
queued (.baocao-queue.json) for the next "submit" or "queue flush" — never lost, never counted twice.
Tệp chỉ có cảnh báo: hỏi trước khi gửi (hoặc --yes). A file with warnings only: asks first (or --yes).

  --server URL       máy chủ / server (or BAOCAO_SERVER)
  --token TOKEN      mã truy cập / token (or BAOCAO_TOKEN); not stored in the queue
  --mode MODE        replace (mặc định: thay cả báo cáo / the whole report) or merge (chỉ các dòng có số liệu / only filled rows)
  --queue FILE       tệp hàng đợi / queue file (default .baocao-queue.json in this folder)
  --sheet NAME       trang tính / sheet to submit
  --lang vi|en       ngôn ngữ thông báo / message language
  --yes              gửi cả tệp có cảnh báo, không hỏi / send files with warnings without asking

Exit: 0 all accepted, 1 some refused (errors in the file or refused by the server), 2 a file cannot be
read, 3 some queued (server unreachable), 64 wrong arguments.`;

export function retryPolicy(io: Io): RetryPolicy {
  return io.sleep ? { ...DEFAULT_RETRY, sleep: io.sleep } : DEFAULT_RETRY;
}

/** Worst outcome decides: unreadable 2, refused 1, queued 3, else 0. */
export function exitCodeOf(outcomes: Outcome[]): number {
  if (outcomes.some((o) => o.kind === "invalid" && o.unreadable)) return EXIT.unreadable;
  if (outcomes.some((o) => o.kind === "refused" || o.kind === "invalid")) return EXIT.invalid;
  if (outcomes.some((o) => o.kind === "queued")) return EXIT.server;
  return EXIT.ok;
}

async function checkForSubmit(
  file: string,
  io: Io,
  sheet: string | undefined,
  lang: Lang,
): Promise<FileCheck | Outcome> {
  try {
    const fc = await checkFile(resolve(io.cwd, file), {
      display: file,
      ...(sheet !== undefined && { sheet }),
    });
    if (fc.errors > 0 || !fc.report) {
      const reasons = fc.issues
        .filter((i) => i.severity === "error")
        .map((i) => formatIssue(i, fc.template, lang, "cli"));
      return {
        kind: "invalid",
        file,
        unreadable: false,
        reasons: [
          `${fc.errors} lỗi: sửa rồi gửi lại (baocao validate / baocao fix) / ${fc.errors} error(s): fix them and submit again`,
          ...reasons,
        ],
      };
    }
    return fc;
  } catch (e) {
    if (e instanceof CliError && e.exitCode === EXIT.unreadable) {
      return { kind: "invalid", file, unreadable: true, reasons: e.message.split("\n") };
    }
    throw e;
  }
}

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse("submit", argv, {
    ...REMOTE_OPTIONS,
    mode: { type: "string" },
    queue: { type: "string" },
    sheet: { type: "string" },
    lang: { type: "string" },
    yes: { type: "boolean", short: "y" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    line(io.stdout, help);
    return EXIT.ok;
  }
  if (positionals.length === 0) {
    throw new UsageError(
      "Thiếu tệp cần gửi: baocao submit bao-cao.xlsx --server URL --token TOKEN (xem --help).",
      "No file to submit: baocao submit report.xlsx --server URL --token TOKEN (see --help).",
    );
  }
  const mode = values.mode ?? "replace";
  if (mode !== "replace" && mode !== "merge") {
    throw new UsageError(
      `--mode chỉ nhận replace hoặc merge, không phải "${mode}".`,
      `--mode takes replace or merge, not "${mode}".`,
    );
  }
  const lang = langOption("submit", values.lang);
  const { server, token } = remote("submit", values, io);
  const client = createApiClient({
    baseUrl: server,
    token,
    timeoutMs: 30_000,
    ...(io.fetch !== undefined && { fetch: io.fetch }),
  });
  const policy = retryPolicy(io);
  const qPath = queuePath(io.cwd, values.queue);

  // Earlier undelivered reports first, so a newer file for the same unit still wins.
  const outcomes: Outcome[] = [];
  const pending = (await readQueue(qPath)).length;
  if (pending > 0) {
    line(io.stdout, `Gửi lại ${pending} báo cáo trong hàng đợi / Resending ${pending} queued report(s)…`);
    const flushed = await flushQueue(client, qPath, server, policy);
    outcomes.push(...flushed.outcomes);
  }

  for (const file of positionals) {
    const checked = await checkForSubmit(file, io, values.sheet, lang);
    if (!("workbook" in checked)) {
      outcomes.push(checked);
      continue;
    }
    const confirmed = await confirmWarnings(checked, file, io, lang, values.yes === true);
    if (!confirmed.send) {
      outcomes.push({ kind: "invalid", file, unreadable: false, reasons: confirmed.reasons });
      continue;
    }
    const report = checked.report!;
    const body = submissionBody(report, checked.located.header, mode);
    const key = newIdempotencyKey();
    const r = await sendWithRetry(client, body, key, policy);
    if (r.kind === "sent") {
      const warnings = countWarnings(checked.issues, r.receipt.warnings);
      outcomes.push({
        kind: "sent",
        file,
        receipt: r.receipt,
        replayed: r.replayed,
        fromQueue: false,
        warnings,
      });
    } else if (r.kind === "refused") {
      outcomes.push({ kind: "refused", file, error: r.error, fromQueue: false });
    } else {
      const items = await readQueue(qPath);
      items.push({
        idempotencyKey: key,
        server,
        file,
        body,
        createdAt: new Date().toISOString(),
        attempts: r.attempts,
        lastError: r.error instanceof Error ? r.error.message : String(r.error),
      });
      await writeQueue(qPath, items);
      outcomes.push({ kind: "queued", file, error: r.error });
    }
  }
  printOutcomes(io, outcomes, lang, values.queue ?? ".baocao-queue.json");
  return exitCodeOf(outcomes);
}

export const submitCommand: Command = {
  name: "submit",
  summary: "kiểm tra và gửi báo cáo / check and submit reports",
  help,
  run,
};

// baocao queue: what waits in the submission queue, and sending it again.

import { createApiClient } from "../../shared/api/client.ts";
import { formatDateTimeVn } from "../../shared/format/vietnam-time.ts";
import { langOption, parse, REMOTE_OPTIONS, remote } from "../args.ts";
import { EXIT, UsageError } from "../errors.ts";
import { type Io, line } from "../io.ts";
import { flushQueue } from "../submit/flush.ts";
import { printOutcomes } from "../submit/outcomes.ts";
import { queuePath, readQueue } from "../submit/queue-file.ts";
import { textTable } from "../text-table.ts";
import type { Command } from "./command.ts";
import { exitCodeOf, retryPolicy } from "./submit.ts";

const help = `baocao queue list [--queue TỆP]
baocao queue flush --server URL --token TOKEN [--queue TỆP]

Xem / gửi lại các báo cáo đang chờ trong hàng đợi (mỗi báo cáo gửi lại với đúng Idempotency-Key cũ).
List / resend the reports waiting in the queue (each resent with its own saved Idempotency-Key).
Chỉ các báo cáo của máy chủ --server được gửi / only the reports queued for --server are sent.

Exit: 0 queue empty for this server, 1 some refused, 3 some still waiting, 64 wrong arguments.`;

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse("queue", argv, {
    ...REMOTE_OPTIONS,
    queue: { type: "string" },
    lang: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  const [action, ...extra] = positionals;
  if (values.help || action === undefined) {
    line(values.help ? io.stdout : io.stderr, help);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  const path = queuePath(io.cwd, values.queue);
  const lang = langOption("queue", values.lang);
  if (action === "list" && extra.length === 0) {
    const items = await readQueue(path);
    if (items.length === 0) {
      line(io.stdout, "Hàng đợi trống / The queue is empty");
      return EXIT.ok;
    }
    line(
      io.stdout,
      textTable(
        [
          "Tệp/File",
          "Đơn vị/Unit",
          "Kỳ/Period",
          "Xếp hàng lúc/Queued at",
          "Máy chủ/Server",
          "Lần thử/Tries",
          "Lỗi gần nhất/Last error",
        ],
        items.map((i) => [
          i.file,
          i.body.unit,
          i.body.period,
          formatDateTimeVn(i.createdAt),
          i.server,
          String(i.attempts),
          (i.lastError ?? "").split("\n")[0] ?? "",
        ]),
      ),
    );
    return EXIT.ok;
  }
  if (action === "flush" && extra.length === 0) {
    const { server, token } = remote("queue flush", values, io);
    const client = createApiClient({
      baseUrl: server,
      token,
      timeoutMs: 30_000,
      ...(io.fetch !== undefined && { fetch: io.fetch }),
    });
    const result = await flushQueue(client, path, server, retryPolicy(io));
    if (result.outcomes.length === 0)
      line(io.stdout, `Không có báo cáo nào chờ gửi tới ${server} / Nothing queued for ${server}`);
    printOutcomes(io, result.outcomes, lang, values.queue ?? ".baocao-queue.json");
    if (result.otherServers > 0) {
      line(
        io.stdout,
        `${result.otherServers} báo cáo chờ gửi tới máy chủ khác (baocao queue list) / ${result.otherServers} queued for other servers (baocao queue list)`,
      );
    }
    return exitCodeOf(result.outcomes);
  }
  throw new UsageError(
    `Không hiểu "baocao queue ${positionals.join(" ")}": dùng "baocao queue list" hoặc "baocao queue flush".`,
    `Unknown "baocao queue ${positionals.join(" ")}": use "baocao queue list" or "baocao queue flush".`,
  );
}

export const queueCommand: Command = {
  name: "queue",
  summary: "xem / gửi lại hàng đợi / list or flush the submission queue",
  help,
  run,
};

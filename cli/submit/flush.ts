// Re-sends the queued reports of one server, each with its own saved Idempotency-Key.
import type { ApiClient } from "../../shared/api/client.ts";
import type { Outcome } from "./outcomes.ts";
import { type QueuedItem, readQueue, sameServer, writeQueue } from "./queue-file.ts";
import { type RetryPolicy, sendWithRetry } from "./send.ts";

export interface QueueFileFlush {
  outcomes: Outcome[];
  /** Items of this server still waiting. */
  left: number;
  /** Items queued for other servers (not touched). */
  otherServers: number;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export async function flushQueue(
  client: ApiClient,
  path: string,
  server: string,
  policy: RetryPolicy,
): Promise<QueueFileFlush> {
  let items = await readQueue(path);
  const mine = items.filter((i) => sameServer(i.server, server));
  const outcomes: Outcome[] = [];
  let unreachable: unknown;
  const keep = (item: QueuedItem, error: unknown, attempts: number) => {
    items = items.map((i) =>
      i === item ? { ...i, attempts: i.attempts + attempts, lastError: errorText(error) } : i,
    );
    outcomes.push({ kind: "queued", file: item.file, error });
  };
  for (const item of mine) {
    // Once the server is unreachable, the rest wait for the next flush rather than each timing out.
    if (unreachable !== undefined) {
      keep(item, unreachable, 0);
      continue;
    }
    const r = await sendWithRetry(client, item.body, item.idempotencyKey, policy);
    if (r.kind === "sent") {
      items = items.filter((i) => i !== item);
      outcomes.push({
        kind: "sent",
        file: item.file,
        receipt: r.receipt,
        replayed: r.replayed,
        fromQueue: true,
      });
    } else if (r.kind === "refused" && r.error.status !== 401 && r.error.status !== 403) {
      items = items.filter((i) => i !== item);
      outcomes.push({ kind: "refused", file: item.file, error: r.error, fromQueue: true });
    } else {
      // A token problem is this run's, not the report's: keep it for a flush with the right token.
      keep(item, r.error, r.attempts);
      if (r.kind === "failed") unreachable = r.error;
    }
    await writeQueue(path, items);
  }
  return {
    outcomes,
    left: items.filter((i) => sameServer(i.server, server)).length,
    otherServers: items.filter((i) => !sameServer(i.server, server)).length,
  };
}

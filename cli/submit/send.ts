// One submission with bounded retries: network failures and retryable answers (5xx, 429, 408) are tried
// again with the SAME Idempotency-Key, so a send the server did store is answered, not stored twice.
import { type ApiClient, ApiError, isRetryable } from "../../shared/api/client.ts";
import type { Receipt, SubmissionBody } from "../../shared/api/schemas.ts";

export type SendOutcome =
  | { kind: "sent"; receipt: Receipt; replayed: boolean; attempts: number }
  /** A final answer: the server looked at it and said no. */
  | { kind: "refused"; error: ApiError; attempts: number }
  /** Still no answer after every try: worth queuing. */
  | { kind: "failed"; error: unknown; attempts: number };

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** Delay before the 2nd try; doubled each time. */
  baseDelayMs: number;
  /** No wait is longer than this, whatever Retry-After says. */
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

export async function sendWithRetry(
  client: ApiClient,
  body: SubmissionBody,
  idempotencyKey: string,
  policy: RetryPolicy = DEFAULT_RETRY,
): Promise<SendOutcome> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    try {
      const { receipt, replayed } = await client.submit(body, { idempotencyKey });
      return { kind: "sent", receipt, replayed, attempts: attempt };
    } catch (e) {
      if (!isRetryable(e)) {
        if (e instanceof ApiError) return { kind: "refused", error: e, attempts: attempt };
        throw e;
      }
      lastError = e;
      if (attempt < policy.attempts) {
        const asked =
          e instanceof ApiError && e.retryAfterSeconds !== undefined ? e.retryAfterSeconds * 1000 : 0;
        const backoff = policy.baseDelayMs * 2 ** (attempt - 1);
        await policy.sleep(Math.min(policy.maxDelayMs, Math.max(asked, backoff)));
      }
    }
  }
  return { kind: "failed", error: lastError, attempts: policy.attempts };
}

// The persistent submission queue. A report that could not be delivered (offline, timeout, 5xx) waits here
// and is re-sent with the SAME Idempotency-Key until the server accepts or refuses it, so it is never lost
// and never counted twice. The queue lives in storage and is read back on start (a reload keeps it).
import { type ApiClient, ApiError, isRetryable } from "../api/client.ts";
import type { ApiIssue, Receipt, SubmissionBody } from "../api/schemas.ts";
import type { JsonStorage } from "./storage.ts";

export interface QueuedSubmission {
  id: string;
  idempotencyKey: string;
  body: SubmissionBody;
  /** The revision this report was made on; sent as If-Match. */
  ifMatch?: number;
  /**
   * Id of an earlier queued report for the same unit and period: this one builds on the revision that
   * one produces, so its If-Match is filled in once that one is accepted.
   */
  after?: string;
  createdAt: string;
  attempts: number;
  lastError?: string;
  /** HTTP status of the last failed try; absent when the server was not reached at all. */
  lastStatus?: number;
  /** Epoch ms before which an automatic flush leaves the item alone (backoff). */
  notBefore?: number;
}

/** Why the server refused a report for good (a final 4xx): shown to the user. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  i18n?: { vi: string; en: string };
  issues?: ApiIssue[];
  currentRevision?: number;
}

export type QueueOutcome =
  | { kind: "sent"; item: QueuedSubmission; receipt: Receipt; replayed: boolean; at: string }
  | { kind: "refused"; item: QueuedSubmission; refusal: Refusal; at: string };

export interface FlushResult {
  outcomes: QueueOutcome[];
  /** Items still waiting after this flush. */
  pending: number;
  /** The failure that stopped this flush (the head item stays queued). */
  lastError?: string;
}

export interface QueueOptions {
  now?: () => number;
  /** Delay before the next automatic try after `attempts` failures, in ms. */
  backoffMs?: (attempts: number) => number;
  newId?: () => string;
}

type Listener = () => void;

const ITEMS_KEY = "queue.items";
const OUTCOMES_KEY = "queue.outcomes";
const KEEP_OUTCOMES = 20;

/** 5 s, 10 s, 20 s … capped at 5 minutes. */
export function defaultBackoff(attempts: number): number {
  return Math.min(5000 * 2 ** Math.max(0, attempts - 1), 5 * 60_000);
}

export function refusalOf(error: ApiError): Refusal {
  const e = error.envelope?.error;
  return {
    status: error.status,
    code: error.code,
    message: e?.message ?? error.message,
    ...(e?.i18n ? { i18n: e.i18n } : {}),
    ...(e?.issues ? { issues: e.issues } : {}),
    ...(e?.currentRevision !== undefined ? { currentRevision: e.currentRevision } : {}),
  };
}

function sameReport(a: SubmissionBody, b: SubmissionBody): boolean {
  return a.unit === b.unit && a.period === b.period;
}

export class SubmissionQueue {
  private items: QueuedSubmission[];
  private outcomes: QueueOutcome[];
  private flushing: Promise<FlushResult> | undefined;
  private readonly listeners = new Set<Listener>();
  private readonly now: () => number;
  private readonly backoffMs: (attempts: number) => number;
  private readonly newId: () => string;

  private constructor(
    private readonly storage: JsonStorage,
    items: QueuedSubmission[],
    outcomes: QueueOutcome[],
    options: QueueOptions,
  ) {
    this.items = items;
    this.outcomes = outcomes;
    this.now = options.now ?? Date.now;
    this.backoffMs = options.backoffMs ?? defaultBackoff;
    this.newId = options.newId ?? (() => crypto.randomUUID());
  }

  /** Reads what an earlier session left in storage. */
  static async open(storage: JsonStorage, options: QueueOptions = {}): Promise<SubmissionQueue> {
    const items = (await storage.get<QueuedSubmission[]>(ITEMS_KEY)) ?? [];
    const outcomes = (await storage.get<QueueOutcome[]>(OUTCOMES_KEY)) ?? [];
    return new SubmissionQueue(
      storage,
      Array.isArray(items) ? items : [],
      Array.isArray(outcomes) ? outcomes : [],
      options,
    );
  }

  get size(): number {
    return this.items.length;
  }

  get busy(): boolean {
    return this.flushing !== undefined;
  }

  pending(): readonly QueuedSubmission[] {
    return this.items;
  }

  /** Results of past flushes, newest last (kept across reloads so a refusal is still shown). */
  history(): readonly QueueOutcome[] {
    return this.outcomes;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Adds a report; the key is the one already used for a first failed send, so a retry is the same request. */
  async enqueue(
    body: SubmissionBody,
    opts: { idempotencyKey: string; ifMatch?: number; lastError?: string; attempts?: number },
  ): Promise<QueuedSubmission> {
    const earlier = this.items.findLast((i) => sameReport(i.body, body));
    const item: QueuedSubmission = {
      id: this.newId(),
      idempotencyKey: opts.idempotencyKey,
      body,
      createdAt: new Date(this.now()).toISOString(),
      attempts: opts.attempts ?? 0,
      ...(earlier ? { after: earlier.id } : opts.ifMatch !== undefined ? { ifMatch: opts.ifMatch } : {}),
      ...(opts.lastError ? { lastError: opts.lastError } : {}),
      ...(opts.attempts ? { notBefore: this.now() + this.backoffMs(opts.attempts) } : {}),
    };
    this.items.push(item);
    await this.persist();
    return item;
  }

  /**
   * Sends the queued reports in order, each with its own key. Stops at the first one that cannot be
   * delivered (later ones may depend on it). One flush at a time: a call during a flush gets that flush.
   * `force` ignores the backoff (the "Gửi lại" button, the `online` event).
   */
  flush(client: Pick<ApiClient, "submit">, opts: { force?: boolean } = {}): Promise<FlushResult> {
    if (this.flushing) return this.flushing;
    const run = this.run(client, opts.force ?? false).finally(() => {
      this.flushing = undefined;
      this.notify();
    });
    this.flushing = run;
    this.notify();
    return run;
  }

  private async run(client: Pick<ApiClient, "submit">, force: boolean): Promise<FlushResult> {
    const outcomes: QueueOutcome[] = [];
    while (this.items.length > 0) {
      const item = this.items[0]!;
      if (!force && item.notBefore !== undefined && item.notBefore > this.now()) {
        return { outcomes, pending: this.items.length };
      }
      try {
        const { receipt, replayed } = await client.submit(item.body, {
          idempotencyKey: item.idempotencyKey,
          ...(item.ifMatch !== undefined ? { ifMatch: item.ifMatch } : {}),
        });
        const outcome: QueueOutcome = { kind: "sent", item, receipt, replayed, at: this.stamp() };
        this.settle(item, outcome, receipt.revision);
        outcomes.push(outcome);
      } catch (error) {
        if (isRetryable(error)) {
          item.attempts += 1;
          item.lastError = error.message;
          if (error instanceof ApiError) item.lastStatus = error.status;
          else delete item.lastStatus;
          const wait =
            error instanceof ApiError && error.retryAfterSeconds !== undefined
              ? error.retryAfterSeconds * 1000
              : this.backoffMs(item.attempts);
          item.notBefore = this.now() + wait;
          await this.persist();
          return { outcomes, pending: this.items.length, lastError: error.message };
        }
        if (error instanceof ApiError) {
          const outcome: QueueOutcome = {
            kind: "refused",
            item,
            refusal: refusalOf(error),
            at: this.stamp(),
          };
          this.settle(item, outcome, item.ifMatch);
          outcomes.push(outcome);
        } else {
          // A bug, not the server's answer: keep the report and let the caller see the error.
          throw error;
        }
      }
      await this.persist();
    }
    return { outcomes, pending: 0 };
  }

  /** Removes the head item; reports chained on it now build on `revision` (the new one, or the old if refused). */
  private settle(item: QueuedSubmission, outcome: QueueOutcome, revision: number | undefined): void {
    this.items.shift();
    for (const other of this.items) {
      if (other.after !== item.id) continue;
      delete other.after;
      if (outcome.kind === "refused" && item.after !== undefined) other.after = item.after;
      else if (revision !== undefined) other.ifMatch = revision;
    }
    this.outcomes = [...this.outcomes, outcome].slice(-KEEP_OUTCOMES);
  }

  /** Forgets a refused report the user has seen (the sheet still holds its figures). */
  async dismiss(itemId: string): Promise<void> {
    this.outcomes = this.outcomes.filter((o) => o.item.id !== itemId);
    await this.persist();
  }

  private stamp(): string {
    return new Date(this.now()).toISOString();
  }

  private async persist(): Promise<void> {
    await this.storage.set(ITEMS_KEY, this.items);
    await this.storage.set(OUTCOMES_KEY, this.outcomes);
    this.notify();
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }
}

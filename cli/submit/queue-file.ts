// The CLI's submission queue: reports that could not be delivered wait in a JSON file (default
// .baocao-queue.json in the working folder) with their Idempotency-Key, and are re-sent with that SAME
// key by the next `submit` or `queue flush`, so a report is never lost and never counted twice.
// Tokens are not stored: the file may be shared or committed by mistake; each flush brings its own.
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { z } from "zod";
import { submissionBody } from "../../shared/api/schemas.ts";
import { CliError, EXIT } from "../errors.ts";

export const DEFAULT_QUEUE_FILE = ".baocao-queue.json";

const queuedItem = z.object({
  idempotencyKey: z.string().min(1),
  server: z.string(),
  file: z.string(),
  body: submissionBody,
  createdAt: z.string(),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().optional(),
});
export type QueuedItem = z.infer<typeof queuedItem>;

const queueFile = z.object({ version: z.literal(1), items: z.array(queuedItem) });

export function queuePath(cwd: string, option: string | undefined): string {
  return resolve(cwd, option ?? DEFAULT_QUEUE_FILE);
}

/** Same server whatever the trailing slashes or case of the host. */
export function sameServer(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\/+$/, "").toLowerCase();
  return norm(a) === norm(b);
}

export async function readQueue(path: string): Promise<QueuedItem[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    if ((e as { code?: string }).code === "ENOENT") return [];
    throw new CliError(
      `Không đọc được hàng đợi ${path}: ${(e as Error).message}.`,
      `Cannot read the queue ${path}: ${(e as Error).message}.`,
      EXIT.unreadable,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = queueFile.safeParse(json);
  if (!parsed.success) {
    throw new CliError(
      `Tệp hàng đợi ${path} bị hỏng: đổi tên nó để giữ lại (các báo cáo trong đó chưa được gửi) rồi chạy lại.`,
      `The queue file ${path} is damaged: rename it to keep it (its reports were not sent) and run again.`,
      EXIT.unreadable,
    );
  }
  return parsed.data.items;
}

/** Replaces the queue atomically (write then rename); an empty queue removes the file. */
export async function writeQueue(path: string, items: QueuedItem[]): Promise<void> {
  if (items.length === 0) {
    await rm(path, { force: true });
    return;
  }
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify({ version: 1, items }, null, 2)}\n`, "utf8");
  await rename(tmp, path);
}

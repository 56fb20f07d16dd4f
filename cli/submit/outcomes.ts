// How submissions ended, and the summary printed after submit and queue flush.
import type { ApiError } from "../../shared/api/client.ts";
import type { Receipt } from "../../shared/api/schemas.ts";
import { formatDateTimeVn } from "../../shared/format/vietnam-time.ts";
import type { Lang } from "../../shared/messages/types.ts";
import { describeRemoteError } from "../api-errors.ts";
import { type Io, line } from "../io.ts";
import { textTable } from "../text-table.ts";

export type Outcome =
  | {
      kind: "sent";
      file: string;
      receipt: Receipt;
      replayed: boolean;
      fromQueue: boolean;
      /** The file's warnings, its check's and the server's, once each (the receipt's alone when queued). */
      warnings?: number;
    }
  | { kind: "refused"; file: string; error: ApiError; fromQueue: boolean }
  /** Not sent because the file itself has errors or cannot be read. */
  | { kind: "invalid"; file: string; reasons: string[]; unreadable: boolean }
  | { kind: "queued"; file: string; error: unknown };

export function printOutcomes(io: Io, outcomes: Outcome[], lang: Lang, queuePath: string): void {
  const sent = outcomes.filter((o) => o.kind === "sent");
  if (sent.length > 0) {
    line(io.stdout, "Đã nhận / Accepted:");
    line(
      io.stdout,
      textTable(
        [
          "Tệp/File",
          "Đơn vị/Unit",
          "Kỳ/Period",
          "Lần/Revision",
          "Nhận lúc/Received",
          "Chỉ tiêu/Targets",
          "Cảnh báo/Warnings",
        ],
        sent.map((o) => [
          o.file +
            (o.fromQueue ? " (hàng đợi/queue)" : "") +
            (o.replayed ? " (đã nhận trước/already received)" : ""),
          o.receipt.unit,
          o.receipt.period,
          String(o.receipt.revision),
          formatDateTimeVn(o.receipt.receivedAt),
          o.receipt.summary.text[lang],
          String(o.warnings ?? o.receipt.warnings.length),
        ]),
        ["left", "left", "left", "right", "left", "left", "right"],
      ),
    );
    for (const o of sent) {
      for (const w of o.receipt.warnings) line(io.stdout, `  ! ${o.file}: ${w.i18n?.[lang] ?? w.message}`);
    }
  }
  const refused = outcomes.filter((o) => o.kind === "refused" || o.kind === "invalid");
  if (refused.length > 0) {
    line(io.stdout, "Bị từ chối / Refused:");
    for (const o of refused) {
      if (o.kind === "invalid") {
        line(io.stdout, `  ✗ ${o.file}`);
        for (const r of o.reasons) line(io.stdout, `      ${r}`);
        continue;
      }
      if (o.kind !== "refused") continue;
      const d = describeRemoteError(o.error);
      line(io.stdout, `  ✗ ${o.file}${o.fromQueue ? " (hàng đợi/queue)" : ""}`);
      line(io.stdout, `      ${d.vi}`);
      line(io.stdout, `      ${d.en}`);
      for (const i of o.error.envelope?.error.issues ?? []) {
        line(io.stdout, `      - ${i.i18n?.[lang] ?? i.message}`);
      }
    }
  }
  const queued = outcomes.filter((o) => o.kind === "queued");
  if (queued.length > 0) {
    line(io.stdout, `Đang chờ gửi lại / Queued for retry (${queuePath}):`);
    for (const o of queued) {
      const d = describeRemoteError(o.error);
      line(io.stdout, `  … ${o.file}: ${d.vi}`);
      line(io.stdout, `      ${d.en}`);
    }
    line(
      io.stdout,
      "  Chạy lại `baocao submit` hoặc `baocao queue flush` khi có mạng / Run `baocao submit` or `baocao queue flush` when back online.",
    );
  }
}

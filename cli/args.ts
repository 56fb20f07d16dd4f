// Argument parsing for every command (node:util parseArgs), with mistakes turned into UsageErrors that
// point at the command's --help, and the server/token settings shared by the remote commands.
import { type ParseArgsConfig, parseArgs } from "node:util";
import type { Lang } from "../shared/messages/types.ts";
import { UsageError } from "./errors.ts";
import type { Io } from "./io.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

export function parse<O extends Options>(command: string, argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new UsageError(
      `Tham số không hợp lệ: ${why}. Xem: baocao ${command} --help`,
      `Invalid arguments: ${why}. See: baocao ${command} --help`,
    );
  }
}

export const REMOTE_OPTIONS = {
  server: { type: "string" },
  token: { type: "string" },
} as const satisfies Options;

export interface Remote {
  server: string;
  token: string;
}

/** --server/--token, else BAOCAO_SERVER/BAOCAO_TOKEN. */
export function remote(command: string, values: { server?: string; token?: string }, io: Io): Remote {
  const server = values.server ?? io.env.BAOCAO_SERVER;
  const token = values.token ?? io.env.BAOCAO_TOKEN;
  if (!server) {
    throw new UsageError(
      `Thiếu địa chỉ máy chủ: thêm --server URL hoặc đặt biến môi trường BAOCAO_SERVER. Xem: baocao ${command} --help`,
      `No server: add --server URL or set BAOCAO_SERVER. See: baocao ${command} --help`,
    );
  }
  if (!/^https?:\/\/[^\s/]+/i.test(server)) {
    throw new UsageError(
      `Địa chỉ máy chủ "${server}" không hợp lệ: dùng dạng https://ten-may-chu hoặc http://127.0.0.1:8787.`,
      `Server address "${server}" is not valid: use https://host or http://127.0.0.1:8787.`,
    );
  }
  if (!token) {
    throw new UsageError(
      `Thiếu mã truy cập (token): thêm --token TOKEN hoặc đặt biến môi trường BAOCAO_TOKEN. Xem: baocao ${command} --help`,
      `No token: add --token TOKEN or set BAOCAO_TOKEN. See: baocao ${command} --help`,
    );
  }
  return { server, token };
}

export function requireString(command: string, name: string, v: string | undefined, example: string): string {
  if (v === undefined || v.trim() === "") {
    throw new UsageError(
      `Thiếu --${name} (ví dụ --${name} ${example}). Xem: baocao ${command} --help`,
      `Missing --${name} (e.g. --${name} ${example}). See: baocao ${command} --help`,
    );
  }
  return v.trim();
}

/** --lang: vi (the default) or en; anything else is a usage error, never a silent fallback. */
export function langOption(command: string, v: string | undefined): Lang {
  const lang = v ?? "vi";
  if (lang !== "vi" && lang !== "en") {
    throw new UsageError(
      `--lang chỉ nhận vi hoặc en, không phải "${lang}". Xem: baocao ${command} --help`,
      `--lang takes vi or en, not "${lang}". See: baocao ${command} --help`,
    );
  }
  return lang;
}

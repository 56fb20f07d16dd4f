// Server answers that are not about the report's figures, said in vi and en with what to do next (the
// next step's words live in shared/messages/remote.ts, the CLI's own among each client's).
import { ApiError, NetworkError } from "../shared/api/client.ts";
import { describeRefusal } from "../shared/messages/remote.ts";
import { CliError, EXIT } from "./errors.ts";

interface Said {
  vi: string;
  en: string;
}

/** What went wrong and what to do, for any error of the API client. */
export function describeRemoteError(e: unknown): Said {
  if (e instanceof NetworkError) {
    const cause = e.cause instanceof Error ? e.cause.message : e.message;
    return {
      vi: `Không kết nối được máy chủ (${cause}). Kiểm tra mạng và địa chỉ --server rồi thử lại.`,
      en: `Cannot reach the server (${cause}). Check the network and the --server address, then retry.`,
    };
  }
  if (e instanceof ApiError) {
    const env = e.envelope?.error;
    const server = env ? (env.i18n ?? { vi: env.message, en: env.message }) : undefined;
    return describeRefusal(server, e.code, e.retryable, "cli");
  }
  const why = e instanceof Error ? e.message : String(e);
  return { vi: `Lỗi: ${why}`, en: `Error: ${why}` };
}

/** A remote failure as the error a command ends with (exit 3). */
export function remoteFailure(e: unknown): CliError {
  const d = describeRemoteError(e);
  return new CliError(d.vi, d.en, EXIT.server);
}

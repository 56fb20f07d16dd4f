// `baocao scores scheme get ID [--version N] [--out FILE.json]` prints a published scoring scheme;
// `baocao scores scheme publish FILE.json` publishes one (admin), checked first with the server's own
// checker (shared/scoring/definition.ts), like `baocao template get|publish`.
import { type createApiClient as ApiClientOf, ApiError, createApiClient } from "../../shared/api/client.ts";
import { ANY_CODE, checkSchemeDefinition } from "../../shared/scoring/definition.ts";
import { getScheme } from "../../shared/scoring/registry.ts";
import type { ScoringScheme } from "../../shared/scoring/types.ts";
import { remoteFailure } from "../api-errors.ts";
import { parse, REMOTE_OPTIONS, remote } from "../args.ts";
import { CliError, EXIT, UsageError } from "../errors.ts";
import type { Io } from "../io.ts";
import { printDefinition, publishChecked, versionOption } from "../published-definition.ts";

const USAGE = "baocao scores scheme get ID [--version N] [--out FILE.json] | publish FILE.json";

function clientOf(io: Io, values: { server?: string; token?: string }) {
  const { server, token } = remote("scores scheme", values, io);
  return createApiClient({ baseUrl: server, token, timeoutMs: 30_000, ...(io.fetch && { fetch: io.fetch }) });
}

async function get(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse("scores scheme get", argv, {
    ...REMOTE_OPTIONS,
    version: { type: "string" },
    out: { type: "string" },
  });
  const id = positionals[0];
  if (id === undefined) throw new UsageError(`Thiếu mã bộ tiêu chí: ${USAGE}`, `No scheme id: ${USAGE}`);
  const version = versionOption(values.version);
  try {
    await printDefinition(io, await clientOf(io, values).scheme(id, version), values.out);
  } catch (e) {
    throw remoteFailure(e);
  }
  return EXIT.ok;
}

async function publish(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse("scores scheme publish", argv, { ...REMOTE_OPTIONS });
  const file = positionals[0];
  if (file === undefined) throw new UsageError(`Thiếu tệp: ${USAGE}`, `No file: ${USAGE}`);
  // The codes computed items read are checked by the server against its published templates.
  return publishChecked(
    io,
    file,
    (definition) => checkSchemeDefinition(definition, undefined, ANY_CODE),
    () => {
      const client = clientOf(io, values);
      return (id, definition) => client.publishScheme(id, definition);
    },
  );
}

export function schemeCommand(argv: string[], io: Io): Promise<number> {
  if (argv[0] === "get") return get(argv.slice(1), io);
  if (argv[0] === "publish") return publish(argv.slice(1), io);
  throw new UsageError(`Cách dùng: ${USAGE}`, `Usage: ${USAGE}`);
}

/**
 * The scheme the server scores with: the version named when this build has it, else the server's (a
 * version published after this build, or its latest when none is named); an older server without
 * GET /v1/schemes (404) scores with the built-in.
 */
export async function serverScheme(
  client: Pick<ReturnType<typeof ApiClientOf>, "scheme">,
  id: string,
  version?: number,
): Promise<ScoringScheme> {
  const built = version === undefined ? undefined : getScheme(id, version);
  if (built) return built;
  try {
    return await client.scheme(id, version);
  } catch (e) {
    const fallback = e instanceof ApiError && e.status === 404 ? getScheme(id, version) : undefined;
    if (fallback) return fallback;
    if (e instanceof ApiError && e.status === 404)
      throw new CliError(
        `Máy chủ dùng bộ tiêu chí "${id}" mà bản baocao này chưa biết: cập nhật baocao rồi thử lại.`,
        `The server uses scoring scheme "${id}", unknown to this baocao: update baocao and retry.`,
        EXIT.server,
      );
    throw remoteFailure(e);
  }
}

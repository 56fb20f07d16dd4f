// `baocao scores scheme get ID [--version N] [--out FILE.json]` prints a published scoring scheme;
// `baocao scores scheme publish FILE.json` publishes one (admin), checked first with the server's own
// checker (shared/scoring/definition.ts), like `baocao template get|publish`.
import { createApiClient } from "../../shared/api/client.ts";
import { ANY_CODE, checkSchemeDefinition } from "../../shared/scoring/definition.ts";
import { remoteFailure } from "../api-errors.ts";
import { parse, REMOTE_OPTIONS, remote } from "../args.ts";
import { EXIT, UsageError } from "../errors.ts";
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

// What `baocao template get|publish` and `baocao scores scheme get|publish` share: a versioned definition
// read from a JSON file and checked with the server's own checker before anything is sent, the answer
// said the same way, and a fetched definition printed or written to --out.
import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { ApiError } from "../shared/api/client.ts";
import type { DefinitionIssue } from "../shared/template/definition.ts";
import { remoteFailure } from "./api-errors.ts";
import { CliError, EXIT, UsageError } from "./errors.ts";
import { type Io, line } from "./io.ts";

/** --version N: a whole number ≥ 1, or absent (the latest). */
export function versionOption(raw: string | undefined): number | undefined {
  const version = raw === undefined ? undefined : Number(raw);
  if (version !== undefined && !(Number.isInteger(version) && version >= 1)) {
    throw new UsageError(`--version "${raw}": cần số nguyên ≥ 1`, `--version "${raw}": a whole number ≥ 1`);
  }
  return version;
}

/** Prints the definition as JSON, or writes it to `out`. */
export async function printDefinition(
  io: Io,
  definition: { id: string; version: number },
  out: string | undefined,
): Promise<void> {
  const text = `${JSON.stringify(definition, null, 2)}\n`;
  if (out === undefined) io.stdout.write(text);
  else {
    const path = resolve(io.cwd, out);
    await writeFile(path, text);
    line(io.stdout, `Đã ghi / Written: ${path} (${definition.id} v${definition.version})`);
  }
}

export async function readJsonFile(io: Io, file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(resolve(io.cwd, file), "utf8"));
  } catch (e) {
    const why = (e as Error).message;
    throw new CliError(`Không đọc được ${file}: ${why}`, `Cannot read ${file}: ${why}`, EXIT.unreadable);
  }
}

type Checked = { ok: true; definition: { id: string } } | { ok: false; issues: DefinitionIssue[] };

/**
 * Checks the file's definition first (every issue listed, nothing sent), then publishes it and says
 * whether a new version was made or the same one was already there.
 */
export async function publishChecked(
  io: Io,
  file: string,
  check: (definition: unknown) => Checked,
  /** Called only once the definition passed: the server and token are asked for then. */
  connect: () => (
    id: string,
    definition: unknown,
  ) => Promise<{ id: string; version: number; created: boolean }>,
): Promise<number> {
  const definition = await readJsonFile(io, file);
  const checked = check(definition);
  if (!checked.ok) {
    line(
      io.stdout,
      `✗ ${file}: ${checked.issues.length} lỗi, chưa gửi gì / ${checked.issues.length} issue(s), nothing sent`,
    );
    for (const i of checked.issues) line(io.stdout, `  ${i.field}: ${i.vi} / ${i.en}`);
    return EXIT.invalid;
  }
  const publish = connect();
  try {
    const answer = await publish(checked.definition.id, definition);
    line(
      io.stdout,
      answer.created
        ? `✓ Đã công bố / Published: ${answer.id} v${answer.version}`
        : `= Không đổi, đã có / Unchanged, already published: ${answer.id} v${answer.version}`,
    );
    return EXIT.ok;
  } catch (e) {
    if (e instanceof ApiError) {
      line(io.stdout, `✗ ${file}: máy chủ từ chối / refused by the server`);
      // What only the server can check (codes of its templates, earlier versions), field by field.
      for (const i of e.envelope?.error.issues ?? [])
        line(io.stdout, `  ${i.i18n ? `${i.i18n.vi} / ${i.i18n.en}` : i.message}`);
    }
    throw remoteFailure(e);
  }
}

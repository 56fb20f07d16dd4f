// Templates fetched from the server, kept for offline use: <dir>/<id>.json is the last fetched version of
// each template, <id>@<version>.json every version fetched, so a sheet made from an older version is
// still read and checked with it. <dir> is $BAOCAO_CACHE, else ~/.cache/baocao/templates.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { checkDefinition } from "../shared/template/definition.ts";
import { getTemplate } from "../shared/template/registry.ts";
import type { Template } from "../shared/template/types.ts";
import type { Io } from "./io.ts";

export function cacheDir(io: Io): string {
  return io.env.BAOCAO_CACHE ?? join(io.env.HOME ?? io.cwd, ".cache", "baocao", "templates");
}

const safe = (id: string) => /^[a-z0-9][a-z0-9-]{0,63}$/.test(id);

export async function keepTemplate(io: Io, template: Template): Promise<void> {
  if (!safe(template.id)) return;
  const dir = cacheDir(io);
  await mkdir(dir, { recursive: true });
  const text = `${JSON.stringify(template, null, 2)}\n`;
  await writeFile(join(dir, `${template.id}@${template.version}.json`), text);
  await writeFile(join(dir, `${template.id}.json`), text);
}

async function readKept(io: Io, name: string): Promise<Template | undefined> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(join(cacheDir(io), name), "utf8"));
  } catch {
    return undefined;
  }
  const version = (value as { version?: unknown } | null)?.version;
  const checked = checkDefinition(value);
  return checked.ok && typeof version === "number" ? { ...checked.definition, version } : undefined;
}

/**
 * A template without a server: that version when one is asked (built in or kept), else the newer of
 * the last one fetched and the built-in.
 */
export async function offlineTemplate(io: Io, id: string, version?: number): Promise<Template | undefined> {
  const builtIn = getTemplate(id);
  if (!safe(id)) return builtIn;
  if (version !== undefined) {
    return builtIn?.version === version ? builtIn : readKept(io, `${id}@${version}.json`);
  }
  const kept = await readKept(io, `${id}.json`);
  if (!kept) return builtIn;
  return builtIn && builtIn.version > kept.version ? builtIn : kept;
}

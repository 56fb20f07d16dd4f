// The server side of `baocao template`: which template a period uses (fetched and kept, or offline the
// last fetched or built-in one), `template get ID` and `template publish FILE.json`.
import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { ApiError, createApiClient, NetworkError } from "../../shared/api/client.ts";
import { checkDefinition } from "../../shared/template/definition.ts";
import { DEFAULT_TEMPLATE_ID, templateIds } from "../../shared/template/registry.ts";
import type { Template } from "../../shared/template/types.ts";
import { remoteFailure } from "../api-errors.ts";
import { parse, REMOTE_OPTIONS, remote } from "../args.ts";
import { CliError, EXIT, UsageError } from "../errors.ts";
import { type Io, line } from "../io.ts";
import { keepTemplate, offlineTemplate } from "../template-cache.ts";

function clientOf(io: Io, server: string, token: string) {
  return createApiClient({ baseUrl: server, token, timeoutMs: 30_000, ...(io.fetch && { fetch: io.fetch }) });
}

function noTemplate(id: string): UsageError {
  return new UsageError(
    `Không có mẫu "${id}" (có sẵn: ${templateIds().join(", ")}; hoặc lấy từ máy chủ với --server).`,
    `No template "${id}" (built in: ${templateIds().join(", ")}; or fetch it with --server).`,
  );
}

/** The template to render for a period: the server's (kept for later), else offline. */
export async function templateFor(
  io: Io,
  period: string,
  values: { template?: string; server?: string; token?: string },
): Promise<Template> {
  const server = values.server ?? io.env.BAOCAO_SERVER;
  const token = values.token ?? io.env.BAOCAO_TOKEN;
  if (server && token) {
    const client = clientOf(io, server, token);
    try {
      const id = values.template ?? (await client.period(period)).template ?? DEFAULT_TEMPLATE_ID;
      const template = await client.template(id);
      await keepTemplate(io, template);
      line(io.stdout, `Mẫu của máy chủ / template from the server: ${template.id} v${template.version}`);
      return template;
    } catch (e) {
      if (!(e instanceof NetworkError)) throw remoteFailure(e);
      line(
        io.stderr,
        "Không kết nối được máy chủ: dùng mẫu đã lưu / Server unreachable: using the kept template",
      );
    }
  }
  const id = values.template ?? DEFAULT_TEMPLATE_ID;
  const template = await offlineTemplate(io, id);
  if (!template) throw noTemplate(id);
  return template;
}

export async function getTemplateCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse("template get", argv, {
    ...REMOTE_OPTIONS,
    version: { type: "string" },
    out: { type: "string" },
  });
  const id = positionals[0];
  if (id === undefined)
    throw new UsageError("Thiếu mã mẫu: baocao template get ID", "No template id: baocao template get ID");
  const version = values.version === undefined ? undefined : Number(values.version);
  if (version !== undefined && !(Number.isInteger(version) && version >= 1)) {
    throw new UsageError(
      `--version "${values.version}": cần số nguyên ≥ 1`,
      `--version "${values.version}": a whole number ≥ 1`,
    );
  }
  const { server, token } = remote("template get", values, io);
  let template: Template;
  try {
    template = await clientOf(io, server, token).template(id, version);
  } catch (e) {
    throw remoteFailure(e);
  }
  await keepTemplate(io, template);
  const text = `${JSON.stringify(template, null, 2)}\n`;
  if (values.out === undefined) io.stdout.write(text);
  else {
    const out = resolve(io.cwd, values.out);
    await writeFile(out, text);
    line(io.stdout, `Đã ghi / Written: ${out} (${template.id} v${template.version})`);
  }
  return EXIT.ok;
}

export async function publishTemplateCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse("template publish", argv, { ...REMOTE_OPTIONS });
  const file = positionals[0];
  if (file === undefined) {
    throw new UsageError(
      "Thiếu tệp: baocao template publish FILE.json",
      "No file: baocao template publish FILE.json",
    );
  }
  let definition: unknown;
  try {
    definition = JSON.parse(await readFile(resolve(io.cwd, file), "utf8"));
  } catch (e) {
    const why = (e as Error).message;
    throw new CliError(`Không đọc được ${file}: ${why}`, `Cannot read ${file}: ${why}`, EXIT.unreadable);
  }
  // The server's own checks, run first: every issue listed before anything is sent.
  const checked = checkDefinition(definition);
  if (!checked.ok) {
    line(
      io.stdout,
      `✗ ${file}: ${checked.issues.length} lỗi, chưa gửi gì / ${checked.issues.length} issue(s), nothing sent`,
    );
    for (const i of checked.issues) line(io.stdout, `  ${i.field}: ${i.vi} / ${i.en}`);
    return EXIT.invalid;
  }
  const { server, token } = remote("template publish", values, io);
  try {
    const answer = await clientOf(io, server, token).publishTemplate(checked.definition.id, definition);
    line(
      io.stdout,
      answer.created
        ? `✓ Đã công bố / Published: ${answer.id} v${answer.version}`
        : `= Không đổi, đã có / Unchanged, already published: ${answer.id} v${answer.version}`,
    );
    return EXIT.ok;
  } catch (e) {
    if (e instanceof ApiError) line(io.stdout, `✗ ${file}: máy chủ từ chối / refused by the server`);
    throw remoteFailure(e);
  }
}

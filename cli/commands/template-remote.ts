// The server side of `baocao template`: which template a period uses (fetched and kept, or offline the
// last fetched or built-in one), `template get ID` and `template publish FILE.json`.
import { createApiClient, NetworkError } from "../../shared/api/client.ts";
import { checkDefinition } from "../../shared/template/definition.ts";
import { DEFAULT_TEMPLATE_ID, templateIds } from "../../shared/template/registry.ts";
import type { Template } from "../../shared/template/types.ts";
import { remoteFailure } from "../api-errors.ts";
import { parse, REMOTE_OPTIONS, remote } from "../args.ts";
import { EXIT, UsageError } from "../errors.ts";
import { type Io, line } from "../io.ts";
import { printDefinition, publishChecked, versionOption } from "../published-definition.ts";
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
  const version = versionOption(values.version);
  const { server, token } = remote("template get", values, io);
  let template: Template;
  try {
    template = await clientOf(io, server, token).template(id, version);
  } catch (e) {
    throw remoteFailure(e);
  }
  await keepTemplate(io, template);
  await printDefinition(io, template, values.out);
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
  return publishChecked(
    io,
    file,
    (definition) => checkDefinition(definition),
    () => {
      const { server, token } = remote("template publish", values, io);
      return (id, definition) => clientOf(io, server, token).publishTemplate(id, definition);
    },
  );
}

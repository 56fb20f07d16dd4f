// GET /v1/templates: the latest version of each template [{id, version, title}] (any token);
// GET /v1/templates/:id and /v1/templates/:id/versions/:version: one definition (any token);
// PUT /v1/admin/templates/:id: publish the next version (admin), 201 {id, version}; the same definition
// as the latest answers 200 with its version; an invalid one 422 with every issue on its field, also a
// row whose code had another kind in an earlier version (shared/template/kind-stability.ts).
import { Hono } from "hono";
import { z } from "zod";
import { checkDefinition, TEMPLATE_ID_RE } from "../../shared/template/definition.ts";
import { kindChangeIssues } from "../../shared/template/kind-stability.ts";
import type { AppEnv } from "../app-env.ts";
import { adminOnly } from "../auth/scope.ts";
import { listTemplates, publishTemplate, readTemplate, readTemplateVersions } from "../db/templates.ts";
import { ApiFailure, requestIssue } from "../http/errors.ts";
import { jsonBody } from "../http/json-body.ts";
import { validated } from "../http/validate.ts";

/** An unknown id answers 404 whatever it looks like; only its first 64 characters are echoed. */
const idParam = z.object({ id: z.string().min(1).max(200) });
const versionParam = idParam.extend({ version: z.coerce.number().int().min(1).max(1e9) });

function unknown(id: string, version?: number): ApiFailure {
  const shown = id.slice(0, 64) + (version === undefined ? "" : ` v${version}`);
  return new ApiFailure("unknown_template", { template: shown });
}

export const templates = new Hono<AppEnv>()
  .get("/templates", async (c) => c.json(await listTemplates(c.get("db")), 200))
  .get("/templates/:id", validated("param", idParam), async (c) => {
    const { id } = c.req.valid("param");
    const template = await readTemplate(c.get("db"), id);
    if (!template) throw unknown(id);
    return c.json(template, 200);
  })
  .get("/templates/:id/versions/:version", validated("param", versionParam), async (c) => {
    const { id, version } = c.req.valid("param");
    const template = await readTemplate(c.get("db"), id, version);
    if (!template) throw unknown(id, version);
    return c.json(template, 200);
  })
  .put("/admin/templates/:id", adminOnly, validated("param", idParam), jsonBody(), async (c) => {
    const { id } = c.req.valid("param");
    const db = c.get("db");
    const checked = checkDefinition(await c.req.json(), id);
    const found = checked.ok ? kindChangeIssues(await readTemplateVersions(db, id), checked.definition) : [];
    if (!checked.ok || found.length > 0) {
      const issues = (checked.ok ? found : checked.issues).map((i) =>
        requestIssue(i.code, i.field, i.vi, i.en),
      );
      if (!TEMPLATE_ID_RE.test(id) && !issues.some((i) => i.field === "id")) {
        issues.unshift(
          requestIssue("invalid_format", "id", "mã mẫu: a-z, 0-9, '-'", "template id: a-z, 0-9, '-'"),
        );
      }
      throw new ApiFailure("validation_failed", { count: issues.length }, issues);
    }
    const p = c.get("principal");
    const { status, version } = await publishTemplate(db, checked.definition, p.tokenId);
    return c.json({ id, version }, status);
  });

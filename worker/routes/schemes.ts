// Scoring schemes as data, published like templates (routes/templates.ts):
// GET /v1/schemes: the latest version of each scheme [{id, version, title}] (any token);
// GET /v1/schemes/:id and /v1/schemes/:id/versions/:version: one scheme (any token);
// PUT /v1/admin/schemes/:id: publish the next version (admin), 201 {id, version}; the same definition
// as the latest answers 200 with its version; an invalid one 422 with every issue on its field, nothing
// stored. Computed items may read any code of a published template (shared/scoring/definition.ts).
import { Hono } from "hono";
import { z } from "zod";
import { checkSchemeDefinition } from "../../shared/scoring/definition.ts";
import { TEMPLATE_ID_RE } from "../../shared/template/definition.ts";
import type { AppEnv } from "../app-env.ts";
import { adminOnly } from "../auth/scope.ts";
import { listSchemes, publishedTemplateCodes, publishScheme, readScheme } from "../db/schemes.ts";
import { ApiFailure, requestIssue } from "../http/errors.ts";
import { jsonBody } from "../http/json-body.ts";
import { validated } from "../http/validate.ts";

/** An unknown id answers 404 whatever it looks like; only its first 64 characters are echoed. */
const idParam = z.object({ id: z.string().min(1).max(200) });
const versionParam = idParam.extend({ version: z.coerce.number().int().min(1).max(1e9) });

function unknown(id: string, version?: number): ApiFailure {
  return new ApiFailure("unknown_scheme", {
    scheme: id.slice(0, 64) + (version === undefined ? "" : ` v${version}`),
  });
}

export const schemes = new Hono<AppEnv>()
  .get("/schemes", async (c) => c.json(await listSchemes(c.get("db")), 200))
  .get("/schemes/:id", validated("param", idParam), async (c) => {
    const { id } = c.req.valid("param");
    const scheme = await readScheme(c.get("db"), id);
    if (!scheme) throw unknown(id);
    return c.json(scheme, 200);
  })
  .get("/schemes/:id/versions/:version", validated("param", versionParam), async (c) => {
    const { id, version } = c.req.valid("param");
    const scheme = await readScheme(c.get("db"), id, version);
    if (!scheme) throw unknown(id, version);
    return c.json(scheme, 200);
  })
  .put("/admin/schemes/:id", adminOnly, validated("param", idParam), jsonBody(), async (c) => {
    const { id } = c.req.valid("param");
    const db = c.get("db");
    const checked = checkSchemeDefinition(await c.req.json(), id, await publishedTemplateCodes(db));
    if (!checked.ok) {
      const issues = checked.issues.map((i) => requestIssue(i.code, i.field, i.vi, i.en));
      if (!TEMPLATE_ID_RE.test(id) && !issues.some((i) => i.field === "id")) {
        issues.unshift(
          requestIssue("invalid_format", "id", "mã bộ tiêu chí: a-z, 0-9, '-'", "scheme id: a-z, 0-9, '-'"),
        );
      }
      throw new ApiFailure("validation_failed", { count: issues.length }, issues);
    }
    const { status, version } = await publishScheme(db, checked.definition, c.get("principal").tokenId);
    return c.json({ id, version }, status);
  });

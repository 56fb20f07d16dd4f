// GET /v1/templates: the ids; GET /v1/templates/:id: one template catalog as JSON (any token).
import { Hono } from "hono";
import { getTemplate, templateIds } from "../../shared/template/registry.ts";
import type { AppEnv } from "../app-env.ts";
import { ApiFailure } from "../http/errors.ts";

export const templates = new Hono<AppEnv>()
  .get("/templates", (c) => c.json({ templates: templateIds() }, 200))
  .get("/templates/:id", (c) => {
    const id = c.req.param("id");
    const template = getTemplate(id);
    if (!template) throw new ApiFailure("unknown_template", { template: id.slice(0, 64) });
    return c.json(template, 200);
  });

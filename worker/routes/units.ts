// PUT /v1/admin/units (admin): import the unit tree. GET /v1/units: the subtree a token may see.
import { Hono } from "hono";
import { type UnitsImport, unitsImport } from "../../shared/api/schemas.ts";
import type { AppEnv } from "../app-env.ts";
import { adminOnly } from "../auth/scope.ts";
import { importUnits } from "../db/units.ts";
import { jsonBody } from "../http/json-body.ts";
import { validated } from "../http/validate.ts";

interface UnitListRow {
  code: string;
  name: string;
  parent: string | null;
  kind: string | null;
}

export const units = new Hono<AppEnv>()
  .put("/admin/units", adminOnly, jsonBody(), validated("json", unitsImport), async (c) => {
    const body: UnitsImport = c.req.valid("json");
    return c.json(await importUnits(c.get("db"), body.units), 200);
  })
  .get("/units", async (c) => {
    const p = c.get("principal");
    const db = c.get("db");
    const rows =
      p.unit === null || p.role === "admin"
        ? await db.all<UnitListRow>("SELECT code, name, parent, kind FROM units ORDER BY code")
        : await db.all<UnitListRow>(
            `SELECT u.code, u.name, u.parent, u.kind FROM unit_ancestors a JOIN units u ON u.code = a.descendant
             WHERE a.ancestor = ? ORDER BY u.code`,
            p.unit,
          );
    return c.json({ units: rows }, 200);
  });

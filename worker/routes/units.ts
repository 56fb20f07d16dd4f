// PUT /v1/admin/units (admin): import the dated unit tree. POST /v1/admin/units/changes (admin): one
// atomic list of dated changes. GET /v1/units?period=|?at=: the tree of a period or day within the
// token's subtree. GET /v1/units/:code/history: a unit's versions and the changes that touched it.
import { Hono } from "hono";
import { z } from "zod";
import { unitCode } from "../../shared/api/schemas.ts";
import { datedUnitsImport, unitChanges, unitsQuery } from "../../shared/api/units.ts";
import { periodLastDay, todayInVietnam } from "../../shared/format/vietnam-time.ts";
import type { AppEnv } from "../app-env.ts";
import { adminOnly, requireVisibleUnit } from "../auth/scope.ts";
import { applyUnitChanges } from "../db/unit-changes.ts";
import { unitHistory, unitsOn } from "../db/unit-list.ts";
import { importUnits } from "../db/units.ts";
import { jsonBody } from "../http/json-body.ts";
import { validated } from "../http/validate.ts";

export const units = new Hono<AppEnv>()
  .put("/admin/units", adminOnly, jsonBody(), validated("json", datedUnitsImport), async (c) => {
    return c.json(await importUnits(c.get("db"), c.req.valid("json")), 200);
  })
  .post("/admin/units/changes", adminOnly, jsonBody(), validated("json", unitChanges), async (c) => {
    const { status, answer } = await applyUnitChanges(c.get("db"), c.req.valid("json"));
    return c.json(answer, status);
  })
  .get("/units", validated("query", unitsQuery), async (c) => {
    const { period, at } = c.req.valid("query");
    const day = at ?? (period === undefined ? todayInVietnam() : periodLastDay(period));
    const p = c.get("principal");
    const root = p.unit === null || p.role === "admin" ? null : p.unit;
    const list = await unitsOn(c.get("db"), day, root);
    return c.json({ at: day, ...(period === undefined ? {} : { period }), units: list }, 200);
  })
  .get("/units/:code/history", validated("param", z.object({ code: unitCode })), async (c) => {
    const { code } = c.req.valid("param");
    const db = c.get("db");
    await requireVisibleUnit(db, c.get("principal"), code);
    return c.json(await unitHistory(db, code), 200);
  });

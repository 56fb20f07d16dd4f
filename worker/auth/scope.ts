// What a principal may touch. Reporters and reviewers see their unit's subtree; admins see everything.
// A unit outside the subtree and a unit that does not exist both answer 403 to a scoped token, so it
// cannot probe which codes exist; only an admin, who could see it, gets 404 unknown_unit.
import type { MiddlewareHandler } from "hono";
import type { Role } from "../../shared/api/schemas.ts";
import type { AppEnv, Principal } from "../app-env.ts";
import type { Db } from "../db/db.ts";
import { ApiFailure } from "../http/errors.ts";

export function requireRole(p: Principal, ...roles: Role[]): void {
  if (p.role !== "admin" && !roles.includes(p.role)) throw new ApiFailure("forbidden");
}

/**
 * Whether a principal (its role and unit as SQL expressions) sees the unit `asked`, as an SQL
 * expression: requireVisibleUnit's read, and part of submit's first read, which looks the token up
 * in the same statement.
 */
export function visibleUnitSql(role: string, unit: string, asked: string): string {
  return `IIF(${role} = 'admin', EXISTS (SELECT 1 FROM units WHERE code = ${asked}),
    EXISTS (SELECT 1 FROM unit_ancestors WHERE ancestor = ${unit} AND descendant = ${asked}))`;
}

const VISIBLE_UNIT = `SELECT ${visibleUnitSql("?1", "?2", "?3")} AS visible`;

export async function requireVisibleUnit(db: Db, p: Principal, unit: string): Promise<void> {
  const row = await db.first<{ visible: number }>(VISIBLE_UNIT, p.role, p.unit, unit);
  checkVisibleUnit(p, unit, row?.visible === 1);
}

/** requireVisibleUnit's answer, given whether its read found a row. */
export function checkVisibleUnit(p: Principal, unit: string, found: boolean): void {
  if (found) return;
  if (p.role === "admin") throw new ApiFailure("unknown_unit", { unit });
  throw new ApiFailure("forbidden", p.unit === null ? {} : { unit, own: p.unit });
}

/**
 * Locking a period locks it for the whole deployment: admins may, and a reviewer of the root when that
 * root is the only one there ever was. Where several trees share a deployment (a second province, a
 * merged one), only an admin locks: a reviewer never locks what it cannot see.
 */
export async function requireRootReviewer(db: Db, p: Principal): Promise<void> {
  if (p.role === "admin") return;
  if (p.role !== "reviewer") throw new ApiFailure("forbidden");
  const row = await db.first<{ roots: number; mine: number }>(
    `SELECT COUNT(DISTINCT code) AS roots, IFNULL(MAX(code = ?1), 0) AS mine
     FROM unit_versions WHERE parent IS NULL`,
    p.unit,
  );
  if (row?.mine !== 1 || row.roots !== 1) throw new ApiFailure("forbidden");
}

/** Admin routes refuse everyone else before reading the body. */
export const adminOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  requireRole(c.get("principal"), "admin");
  await next();
};

import { Hono } from "hono";

export interface Env {
  DB: D1Database;
  ADMIN_TOKEN: string;
  ALLOWED_ORIGIN: string;
}

const app = new Hono<{ Bindings: Env }>().get("/v1/health", (c) => c.json({ ok: true }));

export type App = typeof app;
export default app;

// GET /v1/health: no token, no database; answers while anything at all answers.
import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";

export const health = new Hono<AppEnv>().get("/health", (c) => c.json({ ok: true as const }));

// The Worker: Hono app of API v1. One sub-app per resource, one error handler, CORS for the origins of
// ALLOWED_ORIGIN only (the page and the add-in it serves itself are same-origin). `App` is exported for
// Hono's typed client (the add-in imports the type, nothing else).
import { Hono } from "hono";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "./app-env.ts";
import { authenticate, RETRY_AFTER_SECONDS } from "./auth/middleware.ts";
import { Db } from "./db/db.ts";
import { corsOrigin } from "./http/allowed-origins.ts";
import { ApiFailure } from "./http/errors.ts";
import { consolidation } from "./routes/consolidation.ts";
import { health } from "./routes/health.ts";
import { periods } from "./routes/periods.ts";
import { recomputeRoute } from "./routes/recompute.ts";
import { reviews } from "./routes/reviews.ts";
import { schemes } from "./routes/schemes.ts";
import { scores } from "./routes/scores.ts";
import { site } from "./routes/site.ts";
import { submissions, submitRoute } from "./routes/submissions.ts";
import { templates } from "./routes/templates.ts";
import { tokens } from "./routes/tokens.ts";
import { units } from "./routes/units.ts";

export type { Env } from "./app-env.ts";

const app = new Hono<AppEnv>()
  // First, so that every answer carries the headers, a CORS preflight (answered by cors) included.
  .use(async (c, next) => {
    const db = new Db(c.env.DB);
    c.set("db", db);
    await next();
    // What this request cost D1 (also on errors): tests and docs/performance.md read these.
    c.res.headers.set("X-D1-Rows-Read", String(db.rowsRead));
    c.res.headers.set("X-D1-Rows-Written", String(db.rowsWritten));
  })
  .use(
    cors({
      origin: (origin, c) => corsOrigin(origin, c.env.ALLOWED_ORIGIN),
      allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key", "If-Match"],
      allowMethods: ["GET", "POST", "PUT", "DELETE"],
      exposeHeaders: ["ETag", "Retry-After", "X-D1-Rows-Read", "X-D1-Rows-Written"],
      maxAge: 600,
    }),
  )
  // Health and submitting come before authentication: their handlers answer, so the middleware below
  // never runs for them. Submitting authenticates inside its own first read (routes/submissions.ts).
  .route("/", site)
  .route("/v1", health)
  .route("/v1", submitRoute)
  .use("/v1/*", authenticate)
  .route("/v1", units)
  .route("/v1", tokens)
  .route("/v1", templates)
  .route("/v1", submissions)
  .route("/v1", consolidation)
  .route("/v1", periods)
  .route("/v1", recomputeRoute)
  .route("/v1", scores)
  .route("/v1", schemes)
  .route("/v1", reviews);

app.notFound((c) => {
  const failure = new ApiFailure("not_found", { path: `${c.req.method} ${new URL(c.req.url).pathname}` });
  return c.json(failure.envelope(), failure.status);
});

app.onError((err, c) => {
  let failure: ApiFailure;
  if (err instanceof ApiFailure) failure = err;
  else if (err instanceof HTTPException && err.status === 400) failure = new ApiFailure("invalid_json");
  else {
    console.error("unhandled", err);
    failure = new ApiFailure("internal");
  }
  if (failure.code === "rate_limited") c.header("Retry-After", String(RETRY_AFTER_SECONDS));
  if (failure.code === "tree_busy") c.header("Retry-After", String(failure.params.seconds));
  return c.json(failure.envelope(), failure.status);
});

export type App = typeof app;
export default app;

// Bindings as the tests see them (`env` from cloudflare:test); the Worker's own Env is in index.ts.
declare namespace Cloudflare {
  interface Env {
    DB: D1Database;
    ADMIN_TOKEN: string;
    ALLOWED_ORIGIN: string;
    RATE_LIMIT: RateLimit;
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
    /** Largest province worker/perf.test.ts measures (PERF_MAX_UNITS=1000 npx vitest run … perf). */
    PERF_MAX_UNITS: string;
  }
}

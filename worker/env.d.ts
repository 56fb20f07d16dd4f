// Bindings as the tests see them (`env` from cloudflare:test); the Worker's own Env is in index.ts.
declare namespace Cloudflare {
  interface Env {
    DB: D1Database;
    ADMIN_TOKEN: string;
    ALLOWED_ORIGIN: string;
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
  }
}

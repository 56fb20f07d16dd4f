// Runs before each worker test file: the schema on the test D1 (applying is idempotent).
import { applyD1Migrations, env } from "cloudflare:test";

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);

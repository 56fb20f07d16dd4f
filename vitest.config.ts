import { mkdirSync } from "node:fs";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

// wrangler.toml serves dist/public as static assets and refuses a missing folder: `npm test` builds it
// first (pretest); a lone `npx vitest run --project workers` gets an empty one (the Worker's / and
// /manifest.xml then answer not_found).
mkdirSync("dist/public", { recursive: true });

export default defineConfig({
  test: {
    reporters: process.env.CI
      ? ["default", ["json", { outputFile: "test-results/vitest.json" }]]
      : ["default"],
    projects: [
      {
        test: {
          name: "node",
          environment: "node",
          // A guard against hangs, not a speed check: a loaded 2-core machine runs these slowly.
          testTimeout: 30000,
          include: [
            "shared/**/*.test.ts",
            "addin/**/*.test.ts",
            "cli/**/*.test.ts",
            "web/**/*.test.ts",
            "scripts/**/*.test.ts",
          ],
        },
      },
      {
        plugins: [
          cloudflareTest(async () => ({
            main: "./worker/index.ts",
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              bindings: {
                TEST_MIGRATIONS: await readD1Migrations("worker/migrations"),
                ADMIN_TOKEN: "test-admin-token",
                // worker/perf.test.ts measures up to this many grassroots units (1000 for docs/performance.md).
                PERF_MAX_UNITS: process.env.PERF_MAX_UNITS ?? "100",
              },
            },
          })),
        ],
        test: {
          name: "workers",
          include: ["worker/**/*.test.ts"],
          setupFiles: ["./worker/test/setup.ts"],
          testTimeout: 30000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          testTimeout: 120000,
          hookTimeout: 120000,
          fileParallelism: false,
        },
      },
    ],
  },
});

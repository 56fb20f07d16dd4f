import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { get } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startDevServer } from "./addin-dev-server.ts";

function fetchWithCa(url: string, ca: Buffer): Promise<{ status: number; body: string; type: string }> {
  return new Promise((ok, fail) => {
    get(url, { ca }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => {
        body += c.toString("utf8");
      });
      res.on("end", () =>
        ok({ status: res.statusCode ?? 0, body, type: String(res.headers["content-type"]) }),
      );
    }).on("error", fail);
  });
}

describe("add-in dev server", () => {
  it("generates certificates offline and serves the pane over https trusted by their CA", async () => {
    const root = mkdtempSync(join(tmpdir(), "addin-root-"));
    const certDir = mkdtempSync(join(tmpdir(), "addin-certs-"));
    writeFileSync(join(root, "taskpane.html"), "<title>Báo cáo Đoàn</title>");
    const server = await startDevServer({ root, port: 0, certDir });
    try {
      expect(server.url).toMatch(/^https:\/\/localhost:\d+$/);
      const ca = readFileSync(join(certDir, "ca.crt"));
      const page = await fetchWithCa(`${server.url}/`, ca);
      expect(page).toMatchObject({ status: 200, body: "<title>Báo cáo Đoàn</title>" });
      expect(page.type).toContain("text/html");
      const outside = await fetchWithCa(`${server.url}/..%2f..%2fetc%2fpasswd`, ca);
      expect(outside.status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

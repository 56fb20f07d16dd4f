// Serves the built add-in over https://localhost:3000 with Office's developer certificates, generated
// offline on first use (office-addin-dev-certs; trusting them needs `npx office-addin-dev-certs install`
// on Windows/macOS, which asks for permission — a browser test passes ignoreHTTPSErrors instead).
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { homedir } from "node:os";
import { extname, join, normalize } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".map": "application/json",
  ".xml": "application/xml; charset=utf-8",
  ".json": "application/json",
};

export interface DevServer {
  url: string;
  close: () => Promise<void>;
}

export const CERT_DIR = join(homedir(), ".office-addin-dev-certs");

export async function ensureDevCerts(dir = CERT_DIR): Promise<{ key: Buffer; cert: Buffer }> {
  const ca = join(dir, "ca.crt");
  const crt = join(dir, "localhost.crt");
  const key = join(dir, "localhost.key");
  if (!existsSync(crt) || !existsSync(key)) {
    // CommonJS package: its named export sits on the default export under Node's ESM loader.
    const mod = (await import("office-addin-dev-certs/lib/generate.js")) as unknown as {
      generateCertificates?: GenerateFn;
      default?: { generateCertificates: GenerateFn };
    };
    const generate = mod.generateCertificates ?? mod.default?.generateCertificates;
    if (!generate) throw new Error("office-addin-dev-certs: generateCertificates not found");
    await generate(ca, crt, key, 30, ["localhost", "127.0.0.1"]);
  }
  return { key: readFileSync(key), cert: readFileSync(crt) };
}

type GenerateFn = (ca: string, crt: string, key: string, days: number, domains: string[]) => Promise<void>;

function handler(root: string) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = normalize(join(root, path === "/" ? "taskpane.html" : path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("Không tìm thấy / Not found");
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    res.end(readFileSync(file));
  };
}

/** https on localhost:3000 by default; `https: false` serves plain http (browser tests on 127.0.0.1). */
export async function startDevServer(opts: {
  root: string;
  port?: number;
  host?: string;
  https?: boolean;
  certDir?: string;
}): Promise<DevServer> {
  const port = opts.port ?? 3000;
  const host = opts.host ?? "localhost";
  const useHttps = opts.https ?? true;
  const server = useHttps
    ? createHttpsServer(await ensureDevCerts(opts.certDir), handler(opts.root))
    : createHttpServer(handler(opts.root));
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => ok());
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    url: `${useHttps ? "https" : "http"}://${host}:${actualPort}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

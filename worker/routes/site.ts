// The two static-site answers the Worker makes itself (everything else under / is a file of dist/public):
// - GET /: the web page's index.html (files keep their .html names, html_handling = "none", so the
//   root has no file of its own); its headers, the CSP included, are the asset's (_headers).
// - GET /manifest.xml: the add-in's manifest with every URL on the origin this Worker is asked on, so one
//   build serves any deployment (workers.dev, a custom domain, wrangler dev). The build leaves a
//   placeholder origin in the file it puts among the static assets; this route fills it in.
import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { ApiFailure } from "../http/errors.ts";

/** Must equal ORIGIN_PLACEHOLDER in scripts/build-site.ts (the build's side of the same contract). */
export const MANIFEST_ORIGIN_PLACEHOLDER = "https://baocao-origin.invalid";

/** Every URL on `origin`; the add-in's AppDomain is an origin, so its "/addin" path is dropped. */
export function manifestFor(template: string, origin: string): string {
  return template
    .replaceAll(MANIFEST_ORIGIN_PLACEHOLDER, origin)
    .replaceAll(`<AppDomain>${origin}/addin</AppDomain>`, `<AppDomain>${origin}</AppDomain>`);
}

async function asset(env: AppEnv["Bindings"], url: URL, path: string): Promise<Response> {
  const stored = env.ASSETS ? await env.ASSETS.fetch(new Request(new URL(path, url))) : undefined;
  // No build (a test without dist/public): say the route is not there rather than fail.
  if (!stored?.ok) throw new ApiFailure("not_found", { path: `GET ${url.pathname}` });
  return stored;
}

export const site = new Hono<AppEnv>()
  .get("/", async (c) => {
    const page = await asset(c.env, new URL(c.req.url), "/index.html");
    return new Response(page.body, { status: 200, headers: page.headers });
  })
  .get("/manifest.xml", async (c) => {
    const url = new URL(c.req.url);
    const stored = await asset(c.env, url, "/manifest.xml");
    const xml = manifestFor(await stored.text(), url.origin);
    return c.body(xml, 200, {
      "content-type": "application/xml; charset=utf-8",
      "cache-control": "no-cache",
    });
  });

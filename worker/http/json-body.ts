// Guards of a JSON request body, in the contract's order: size from Content-Length (413) before
// anything is read, media type, charset and content coding (415), the bytes actually received (413,
// for bodies without a length), bytes that are not UTF-8 (415: Latin-1, UTF-16, gzip), then JSON
// syntax (400 invalid_json). The schema check (400 invalid_body) follows in `validated`.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.ts";
import { ApiFailure } from "./errors.ts";

export const MAX_BODY_BYTES = 1024 * 1024;

/** The same media types Hono's json validator accepts: application/json and application/*+json. */
const JSON_MEDIA = /^application\/([\w.-]+\+)?json$/i;

export function isJsonMediaType(contentType: string | undefined): boolean {
  return JSON_MEDIA.test((contentType ?? "").split(";")[0]?.trim() ?? "");
}

/** JSON is UTF-8 (RFC 8259): a charset parameter naming anything else means other bytes follow. */
function declaredCharset(contentType: string | undefined): string | undefined {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? "")?.[1];
  return charset === undefined || /^utf-?8$/i.test(charset) ? undefined : charset;
}

/** Refuses, before reading, a body that is not plain UTF-8 JSON by its headers. */
function checkMediaType(contentType: string | undefined, contentEncoding: string | undefined): void {
  if (!isJsonMediaType(contentType)) throw new ApiFailure("unsupported_media_type");
  const charset = declaredCharset(contentType);
  if (charset !== undefined) {
    throw new ApiFailure("unsupported_media_type", { reason: "charset", charset: charset.slice(0, 40) });
  }
  const coding = contentEncoding?.trim();
  if (coding && coding.toLowerCase() !== "identity") {
    throw new ApiFailure("unsupported_media_type", { reason: "coding", coding: coding.slice(0, 40) });
  }
}

async function readCapped(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new ApiFailure("payload_too_large", { limit });
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * `optional`: a request without a body passes (lock/unlock take an empty body or `{}`); a body that is
 * there must still be JSON.
 */
export function jsonBody(opts: { optional?: boolean } = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const declared = c.req.header("content-length");
    if (declared !== undefined && Number(declared) > MAX_BODY_BYTES) {
      throw new ApiFailure("payload_too_large", { limit: MAX_BODY_BYTES });
    }
    const raw = c.req.raw;
    const empty = raw.body === null || declared === "0";
    if (empty && opts.optional) {
      c.req.raw = new Request(raw, { body: "{}" });
      return next();
    }
    checkMediaType(c.req.header("content-type"), c.req.header("content-encoding"));
    const bytes = raw.body === null ? new Uint8Array(0) : await readCapped(raw.body, MAX_BODY_BYTES);
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      throw new ApiFailure("unsupported_media_type", { reason: "bytes" });
    }
    try {
      JSON.parse(text);
    } catch {
      throw new ApiFailure("invalid_json");
    }
    // The stream is consumed: hand the validator a request that holds the same bytes.
    c.req.raw = new Request(raw, { body: text });
    return next();
  };
}

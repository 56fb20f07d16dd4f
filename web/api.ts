// The page's one way to the API: the shared client on the page's own origin, with its request timeout.
import { createApiClient } from "../shared/api/client.ts";

declare const __BAOCAO_REQUEST_TIMEOUT_MS__: number | undefined;
const TIMEOUT_MS = typeof __BAOCAO_REQUEST_TIMEOUT_MS__ === "number" ? __BAOCAO_REQUEST_TIMEOUT_MS__ : 20_000;

export function client(token: string) {
  return createApiClient({ baseUrl: location.origin, token, timeoutMs: TIMEOUT_MS });
}

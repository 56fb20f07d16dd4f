// Token secrets: 256 random bits, shown once; only their SHA-256 is stored and looked up.

const toHex = (bytes: ArrayBuffer | Uint8Array): string =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");

function base64url(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export async function sha256Hex(text: string): Promise<string> {
  return toHex(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
}

/** A new token: the secret for the caller and a short public id for listing and revoking. */
export function newToken(): { secret: string; id: string } {
  const secret = crypto.getRandomValues(new Uint8Array(32));
  const id = crypto.getRandomValues(new Uint8Array(8));
  return { secret: `bcd_${base64url(secret)}`, id: `tok_${toHex(id)}` };
}

import { SIGNATURE_TOLERANCE_SECONDS } from "./constants";

// X-Sautikit-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, raw_body + "." + t)>.
// Body first, then the timestamp (the reverse of Stripe). Web Crypto keeps this isomorphic.

const encoder = new TextEncoder();

function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === "string" ? encoder.encode(data) : data;
}

async function hmacHex(secret: string, message: Uint8Array): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, message as Uint8Array<ArrayBuffer>));
  return Array.from(mac, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The hex `v1` value for a body and timestamp. */
export async function computeSignature(secret: string, rawBody: string | Uint8Array, t: number): Promise<string> {
  const body = toBytes(rawBody);
  const suffix = encoder.encode(`.${t}`);
  const message = new Uint8Array(body.length + suffix.length);
  message.set(body, 0);
  message.set(suffix, body.length);
  return hmacHex(secret, message);
}

/** The full header value, `t=…,v1=…`. */
export async function signPayload(secret: string, rawBody: string | Uint8Array, t: number): Promise<string> {
  return `t=${t},v1=${await computeSignature(secret, rawBody, t)}`;
}

/** Reads `t` and every `v1`; unknown schemes (v2…) are ignored. Null when malformed. */
export function parseSignatureHeader(header: string | null | undefined): { t: number; v1: string[] } | null {
  if (!header) return null;
  let t: number | undefined;
  const v1: string[] = [];
  for (const part of header.split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === "t" && /^\d{1,12}$/.test(value)) t = Number(value);
    else if (key === "v1" && /^[0-9a-f]{64}$/i.test(value)) v1.push(value.toLowerCase());
  }
  return t === undefined || v1.length === 0 ? null : { t, v1 };
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export type SignatureVerdict = "valid" | "missing" | "malformed" | "stale" | "mismatch";

/** Verifies a header over the raw body; `nowSeconds` is injectable for tests. */
export async function verifySignature(
  secret: string,
  rawBody: string | Uint8Array,
  header: string | null | undefined,
  nowSeconds: number = Math.floor(Date.now() / 1000),
  toleranceSeconds: number = SIGNATURE_TOLERANCE_SECONDS,
): Promise<SignatureVerdict> {
  if (!header) return "missing";
  const parsed = parseSignatureHeader(header);
  if (!parsed) return "malformed";
  if (Math.abs(nowSeconds - parsed.t) > toleranceSeconds) return "stale";
  const expected = await computeSignature(secret, rawBody, parsed.t);
  let match = false;
  for (const candidate of parsed.v1) match = constantTimeEqual(candidate, expected) || match;
  return match ? "valid" : "mismatch";
}

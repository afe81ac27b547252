import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { SIGNATURE_TOLERANCE_SECONDS } from "@/lib/sautikit/contract/constants";
import { parseSignatureHeader } from "@/lib/sautikit/contract/signature";

// X-Sautikit-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, raw_body + "." + t)>.
// Computed over the exact bytes received (never a re-serialised body) and never over the URL, so
// it still verifies behind a proxy that rewrites the host or path. The plain-hex scheme some
// Sautikit pages describe has no timestamp and so no replay protection; it is not accepted.

export type SignatureCheck =
  { ok: true; signedAt: Date } | { ok: false; reason: "missing" | "malformed" | "stale" | "future" | "mismatch" };

export function verifySignature(input: {
  header: string | null | undefined;
  rawBody: Uint8Array;
  /** Several secrets are accepted while one is being rotated. */
  secrets: string[];
  nowSeconds?: number;
  toleranceSeconds?: number;
}): SignatureCheck {
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  const tolerance = input.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS;
  if (!input.header || input.header.trim() === "") return { ok: false, reason: "missing" };
  const parsed = parseSignatureHeader(input.header);
  if (!parsed) return { ok: false, reason: "malformed" };
  if (parsed.t < now - tolerance) return { ok: false, reason: "stale" };
  if (parsed.t > now + tolerance) return { ok: false, reason: "future" };

  const candidates = parsed.v1.map((hex) => Buffer.from(hex, "hex"));
  let match = false;
  for (const secret of input.secrets) {
    const expected = createHmac("sha256", secret).update(input.rawBody).update(`.${parsed.t}`).digest();
    // Every candidate is compared, whatever matched before, so timing says nothing about which one did.
    for (const c of candidates) if (c.length === expected.length && timingSafeEqual(c, expected)) match = true;
  }
  return match ? { ok: true, signedAt: new Date(parsed.t * 1000) } : { ok: false, reason: "mismatch" };
}

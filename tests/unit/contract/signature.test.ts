import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  computeSignature,
  parseSignatureHeader,
  signPayload,
  verifySignature,
} from "@/lib/sautikit/contract/signature";

// X-Sautikit-Signature: t=<unix>,v1=HMAC-SHA256(secret, body + "." + t). Checked against node:crypto.

const secret = "whsec_emulator_local";
const body = "ConferenceName=meeting-1&event=join";
const t = 1_795_000_000;
const reference = createHmac("sha256", secret).update(`${body}.${t}`).digest("hex");

describe("signature", () => {
  it("signs body + '.' + t (body first, not Stripe's order)", async () => {
    expect(await computeSignature(secret, body, t)).toBe(reference);
    expect(await computeSignature(secret, body, t)).not.toBe(
      createHmac("sha256", secret).update(`${t}.${body}`).digest("hex"),
    );
    expect(await signPayload(secret, body, t)).toBe(`t=${t},v1=${reference}`);
    expect(await computeSignature(secret, new TextEncoder().encode(body), t)).toBe(reference);
  });

  it("parses headers, ignoring unknown schemes and rejecting malformed ones", () => {
    expect(parseSignatureHeader(`t=${t},v1=${reference}`)).toEqual({ t, v1: [reference] });
    expect(parseSignatureHeader(`t=${t}, v2=abc, v1=${reference.toUpperCase()}`)).toEqual({ t, v1: [reference] });
    expect(parseSignatureHeader(`v1=${reference}`)).toBeNull();
    expect(parseSignatureHeader(`t=abc,v1=${reference}`)).toBeNull();
    expect(parseSignatureHeader(`t=${t},v1=nothex`)).toBeNull();
    expect(parseSignatureHeader("")).toBeNull();
  });

  it("verifies with a 300 s window and reports why it fails", async () => {
    const header = `t=${t},v1=${reference}`;
    expect(await verifySignature(secret, body, header, t + 300)).toBe("valid");
    expect(await verifySignature(secret, body, header, t - 300)).toBe("valid");
    expect(await verifySignature(secret, body, header, t + 301)).toBe("stale");
    expect(await verifySignature(secret, `${body}&x=1`, header, t)).toBe("mismatch");
    expect(await verifySignature("whsec_other_secret", body, header, t)).toBe("mismatch");
    expect(await verifySignature(secret, body, undefined, t)).toBe("missing");
    expect(await verifySignature(secret, body, "garbage", t)).toBe("malformed");
    expect(await verifySignature(secret, body, `t=${t},v1=${"0".repeat(64)},v1=${reference}`, t)).toBe("valid");
  });
});

import { describe, expect, it } from "vitest";
import { signPayload } from "@/lib/sautikit/contract/signature";
import { verifySignature } from "@/lib/webhooks/verify-signature";

const secret = "whsec_unit_test_secret";
const body = "CallId=0f1e&From=%2B254712345678&To=%2B254709000100&Digits=";
const bytes = (s: string) => new TextEncoder().encode(s);
const now = 1_790_000_000;

async function check(header: string | null, rawBody = body, opts: { secrets?: string[]; nowSeconds?: number } = {}) {
  return verifySignature({
    header,
    rawBody: bytes(rawBody),
    secrets: opts.secrets ?? [secret],
    nowSeconds: opts.nowSeconds ?? now,
  });
}

describe("verifySignature", () => {
  it("accepts a signature made the emulator's way (contract signPayload)", async () => {
    const header = await signPayload(secret, body, now);
    expect(await check(header)).toEqual({ ok: true, signedAt: new Date(now * 1000) });
  });

  it("accepts a signature at the edges of the 300 s window", async () => {
    expect((await check(await signPayload(secret, body, now - 300))).ok).toBe(true);
    expect((await check(await signPayload(secret, body, now + 300))).ok).toBe(true);
  });

  it("verifies the raw bytes, including non-ASCII text", async () => {
    const json = JSON.stringify({ kind: "call.started", data: { name: "Wanjikũ Mũrĩithi" } });
    expect((await check(await signPayload(secret, json, now), json)).ok).toBe(true);
  });

  it("rejects a wrong secret", async () => {
    const header = await signPayload("whsec_someone_else", body, now);
    expect(await check(header)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("rejects an altered body", async () => {
    const header = await signPayload(secret, body, now);
    expect(await check(header, body.replace("Digits=", "Digits=1234"))).toEqual({ ok: false, reason: "mismatch" });
    expect(await check(header, `${body} `)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("rejects a signature whose timestamp was swapped (t is covered by the HMAC)", async () => {
    const header = await signPayload(secret, body, now - 10);
    const swapped = header.replace(`t=${now - 10}`, `t=${now}`);
    expect(await check(swapped)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("rejects stale and future timestamps", async () => {
    expect(await check(await signPayload(secret, body, now - 301))).toEqual({ ok: false, reason: "stale" });
    expect(await check(await signPayload(secret, body, now + 301))).toEqual({ ok: false, reason: "future" });
  });

  it("rejects a missing header", async () => {
    expect(await check(null)).toEqual({ ok: false, reason: "missing" });
    expect(await check("")).toEqual({ ok: false, reason: "missing" });
  });

  it.each([
    ["no v1", `t=${now}`],
    ["no t", `v1=${"a".repeat(64)}`],
    ["short hex", `t=${now},v1=abc123`],
    ["not hex", `t=${now},v1=${"z".repeat(64)}`],
    ["non-numeric t", `t=yesterday,v1=${"a".repeat(64)}`],
    ["plain hex (unsigned timestamp scheme)", "a".repeat(64)],
    ["garbage", "%%%,,,==="],
  ])("rejects a garbled header: %s", async (_name, header) => {
    expect(await check(header)).toEqual({ ok: false, reason: "malformed" });
  });

  it("accepts when any v1 matches (Sautikit rotating its own signature)", async () => {
    const good = await signPayload(secret, body, now);
    const header = `t=${now},v1=${"0".repeat(64)},${good.split(",")[1]}`;
    expect((await check(header)).ok).toBe(true);
  });

  it("accepts either secret while the workspace secret is being rotated", async () => {
    const header = await signPayload("whsec_new", body, now);
    expect((await check(header, body, { secrets: ["whsec_old", "whsec_new"] })).ok).toBe(true);
    expect((await check(header, body, { secrets: ["whsec_old"] })).ok).toBe(false);
  });
});

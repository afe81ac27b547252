import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { callStatsSchema } from "@/lib/sautikit/contract/stats";
import { WEBRTC_TOKEN_TTL_SECONDS, webrtcTokenSchema } from "@/lib/sautikit/contract/webrtc";
import { SEEDED, apiClient, waitForCall, emulatorBench, type Api, FAST_API } from "./helpers";

// GET /v1/calls/stats and POST /v1/webrtc/token against the real emulator, each on a fresh workspace.

const bench = emulatorBench({ env: FAST_API, holdIn: "stats-room" });
const { em } = bench;

async function freshWorkspace(): Promise<{
  api: Api;
  from: string;
  id: string;
  secret: string;
  numbers: { id: string; e164: string }[];
}> {
  const ws = await em.control("/workspaces", "POST", { name: "stats" });
  return {
    api: apiClient(bench.url, ws.api_key),
    from: ws.numbers[1].e164,
    id: ws.workspace_id,
    secret: ws.signing_secret,
    numbers: ws.numbers,
  };
}

const NAIROBI = 3 * 3600_000;

describe("GET /v1/calls/stats", () => {
  it("counts ended calls by outcome, sums minutes and spend, and zero-fills hour and day series that add up", async () => {
    const { api, from } = await freshWorkspace();
    const empty = callStatsSchema.parse((await api.get("/v1/calls/stats?since=today")).json);
    expect(empty).toEqual({ total: 0, failed: 0, minutes_total: 0, spend_minor: 0, currency: "KES" });

    const place = async (to: string) =>
      (await api.post("/v1/calls", { from, to, voice_callback_url: `${bench.rx.url}/voice` })).json.call_id as string;
    // completed after 1 s (billed 5 minor), busy, no answer, failed; plus one still live (not counted).
    const ids = await Promise.all(["+254700000401", "+254700000101", "+254700000201", "+254700000301"].map(place));
    const ended = await Promise.all(ids.map((id) => waitForCall(api, id, (c) => c.ended_at !== null, "ended", 15_000)));
    expect(ended.map((c) => c.status)).toEqual(["completed", "busy", "no_answer", "failed"]);
    const live = await place("+254700000577");

    const stats = callStatsSchema.parse((await api.get("/v1/calls/stats?since=today&bucket=hour")).json);
    expect(stats).toMatchObject({ total: 4, failed: 3, spend_minor: 5, currency: "KES" });
    expect(stats.minutes_total).toBeCloseTo(1 / 60, 2);
    const series = stats.series!;
    const now = Date.now();
    const midnight = Math.floor((now + NAIROBI) / 86_400_000) * 86_400_000 - NAIROBI;
    expect(series[0]!.start).toBe(new Date(midnight).toISOString());
    expect(series).toHaveLength(Math.floor((now - midnight) / 3_600_000) + 1);
    for (let i = 1; i < series.length; i++)
      expect(Date.parse(series[i]!.start) - Date.parse(series[i - 1]!.start)).toBe(3_600_000);
    for (const slot of series) {
      expect(slot.completed + slot.missed + slot.failed).toBe(slot.total);
      expect(slot.inbound + slot.outbound).toBe(slot.total);
    }
    const sum = (k: "total" | "completed" | "missed" | "failed" | "spend_minor") =>
      series.reduce((s, b) => s + b[k], 0);
    expect([sum("total"), sum("completed"), sum("missed"), sum("failed"), sum("spend_minor")]).toEqual([4, 1, 2, 1, 5]);
    expect(series.filter((b) => b.total === 0).length).toBe(series.length - 1);

    const week = callStatsSchema.parse((await api.get("/v1/calls/stats?since=7d&bucket=day")).json);
    expect(week.series!.length).toBeGreaterThanOrEqual(7);
    expect(week.series!.length).toBeLessThanOrEqual(8);
    expect(week.series!.at(-1)!.total).toBe(4);
    expect(callStatsSchema.parse((await api.get("/v1/calls/stats?since=month")).json).total).toBe(4);
    expect((await api.get("/v1/calls/stats")).json.total).toBe(4);
    const later = new Date(now + 60_000).toISOString();
    expect((await api.get(`/v1/calls/stats?since=${encodeURIComponent(later)}`)).json.total).toBe(0);
    await api.post(`/v1/calls/${live}/hangup`);
  });

  it("rejects a bad window with 400 validation.failed", async () => {
    const { api } = await freshWorkspace();
    for (const q of [
      "since=yesterday",
      "since=2026-13-01",
      "bucket=week",
      "since=today&extra=1",
      "since=2000-01-01T00:00:00Z&bucket=hour",
    ]) {
      const res = await api.get(`/v1/calls/stats?${q}`);
      expect([res.status, res.json.error.code], q).toEqual([400, "validation.failed"]);
    }
  });

  it("keeps workspaces apart", async () => {
    const a = await freshWorkspace();
    const b = await freshWorkspace();
    const id = (await a.api.post("/v1/calls", { from: a.from, to: "+254700000101" })).json.call_id;
    await waitForCall(a.api, id, (c) => c.ended_at !== null, "ended");
    expect((await a.api.get("/v1/calls/stats")).json.total).toBe(1);
    expect((await b.api.get("/v1/calls/stats")).json.total).toBe(0);
  });
});

describe("POST /v1/webrtc/token", () => {
  const decode = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8"));

  it("mints a short-lived HS256 JWT bound to an owned number", async () => {
    const ws = await freshWorkspace();
    const res = await ws.api.post("/v1/webrtc/token", {});
    expect(res.status).toBe(200);
    const body = webrtcTokenSchema.parse(res.json);
    expect(body).toMatchObject({ protocol: "wss", expiresIn: WEBRTC_TOKEN_TTL_SECONDS });
    expect(body.endpoint).toMatch(/^wss:\/\/[^/]+\.invalid\//);
    const [head, payload, sig] = body.token.split(".");
    expect(decode(head!)).toEqual({ alg: "HS256", typ: "JWT" });
    const claims = decode(payload!);
    expect(claims.sub).toBe(ws.id);
    expect(claims.exp - claims.iat).toBe(WEBRTC_TOKEN_TTL_SECONDS);
    expect(Math.abs(claims.iat * 1000 - Date.now())).toBeLessThan(60_000);
    expect(ws.numbers.map((n) => n.id)).toContain(claims.number_id);
    expect(sig).toBe(createHmac("sha256", ws.secret).update(`${head}.${payload}`).digest("base64url"));

    const byPhone = decode(
      (
        await ws.api.post("/v1/webrtc/token", {
          phone_number: ws.numbers[1]!.e164,
          client_name: "agent-42",
          role: "dialer",
        })
      ).json.token.split(".")[1],
    );
    expect(byPhone).toMatchObject({ number_id: ws.numbers[1]!.id, client_name: "agent-42", role: "dialer" });
    // tenant_number_id wins over phone_number.
    const both = await ws.api.post("/v1/webrtc/token", {
      tenant_number_id: ws.numbers[0]!.id,
      phone_number: ws.numbers[1]!.e164,
    });
    expect(decode(both.json.token.split(".")[1]).number_id).toBe(ws.numbers[0]!.id);
  });

  it("requires a JSON body and an owned number", async () => {
    const api = bench.api;
    const expectError = (res: { status: number; json: any }, status: number, code: string) =>
      expect([res.status, res.json.error.code]).toEqual([status, code]);
    expectError(await api.post("/v1/webrtc/token"), 400, "validation.failed");
    expectError(await api.post("/v1/webrtc/token", { phone_number: "+254709999999" }), 403, "numbers.not_owned");
    expectError(await api.post("/v1/webrtc/token", { tenant_number_id: "nope" }), 403, "numbers.not_owned");
    expectError(await api.post("/v1/webrtc/token", { colour: "blue" }), 400, "validation.failed");
    expectError(await apiClient(bench.url, "").post("/v1/webrtc/token", {}), 401, "api_key.invalid");
    expect(
      decode((await api.post("/v1/webrtc/token", { phone_number: SEEDED.dialIn })).json.token.split(".")[1]).e164,
    ).toBe(SEEDED.dialIn);
  });
});

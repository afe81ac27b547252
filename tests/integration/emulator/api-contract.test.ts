import { describe, expect, it } from "vitest";
import { emulatorControl } from "@/tests/support/emulator-control";
import {
  createCallResponseSchema,
  getCallResponseSchema,
  listCallsResponseSchema,
  hangupResponseSchema,
} from "@/lib/sautikit/contract/calls";
import { callCostMinor } from "@/lib/sautikit/contract/constants";
import { listNumbersResponseSchema } from "@/lib/sautikit/contract/numbers";
import { pricingSchema, walletBalanceSchema } from "@/lib/sautikit/contract/wallet";
import { startEmulator } from "@/tests/support/emulator-process";
import { SEEDED, apiClient, routeSeeded, waitForCall, emulatorBench, expectError, FAST_API } from "./helpers";

// Every endpoint's success and error paths, over HTTP against the real emulator process.

const bench = emulatorBench({ env: FAST_API, routeSeeded: true, holdIn: "hold-room" });
const { api, em } = bench;
const { dial } = api;

describe("transport", () => {
  it("requires a valid bearer key and answers with the error envelope and Request-Id", async () => {
    expectError(await apiClient(bench.url, "").get("/v1/calls"), 401, "api_key.invalid");
    expectError(await apiClient(bench.url, "sk_wrong_key_123").get("/v1/numbers"), 401, "api_key.invalid");
    const ok = await api.get("/v1/wallet/balance");
    expect(ok.headers.get("request-id")).toMatch(/^req_[0-9a-f]{20}$/);
  });

  it("answers unknown routes 404 and wrong methods 405, in the envelope", async () => {
    expectError(await api.get("/v1/nope"), 404, "not_found");
    expectError(await api.del("/v1/calls"), 405, "method_not_allowed");
    expectError(await api.get("/v1/calls/%ZZ"), 400, "validation.failed");
  });

  it("serves public pricing without a key", async () => {
    const res = await apiClient(bench.url, "").get("/v1/public/pricing");
    expect(res.status).toBe(200);
    expect(pricingSchema.parse(res.json)).toMatchObject({
      currency: "KES",
      outbound_per_min_kes: 3,
      inbound_per_min_kes: 0,
    });
  });
});

describe("POST /v1/calls", () => {
  it("creates a ringing call with both ids, echoes client_request_id and reports the rate limit", async () => {
    const res = await dial("+254711000001", { client_request_id: "meeting-1:p-1" });
    expect(res.status).toBe(201);
    const body = createCallResponseSchema.parse(res.json);
    expect(body.session_id).toMatch(/^HD_[0-9a-f]{12}$/);
    expect(body.client_request_id).toBe("meeting-1:p-1");
    const call = await waitForCall(api, body.call_id, (c) => c.status === "answered", "answered");
    expect(call.metadata).toEqual({ client_request_id: "meeting-1:p-1" });
    await api.post(`/v1/calls/${body.call_id}/hangup`);
  });

  it("echoes a label the PBX would refuse but leaves it off callbacks", async () => {
    const res = await dial("+254711000014", { client_request_id: "room 7, {x}" });
    expect(res.json.client_request_id).toBe("room 7, {x}");
    const [cb] = await bench.rx
      .waitFor(
        (rs) => rs.some((r) => r.path === "/voice" && r.form().CallId === res.json.call_id),
        5000,
        "its voice callback",
      )
      .then((rs) => rs.filter((r) => r.path === "/voice" && r.form().CallId === res.json.call_id));
    expect(cb!.form()).not.toHaveProperty("clientRequestId");
    expect(cb!.query.has("clientRequestId")).toBe(false);
    await api.post(`/v1/calls/${res.json.call_id}/hangup`);
  });

  it("accepts the /originate alias, a one-element `to` array and the webhook_url alias", async () => {
    const res = await api.post("/v1/calls/originate", {
      from: SEEDED.callerId,
      to: ["+254711000002"],
      webhook_url: `${bench.rx.url}/voice`,
    });
    expect(res.status).toBe(201);
    await bench.rx.waitFor(
      (rs) => rs.some((r) => r.path === "/voice" && r.form().CallId === res.json.call_id),
      5000,
      "its voice callback",
    );
    await api.post(`/v1/calls/${res.json.call_id}/hangup`);
  });

  it("rejects bad bodies with 400 validation.failed and details, dialling nothing", async () => {
    const before = (await api.get("/v1/calls?limit=100")).json.data.length;
    const two = await dial(["+254711000003", "+254711000004"] as unknown as string);
    expectError(two, 400, "validation.failed");
    expect(two.json.error.details[0].path).toBe("to");
    expectError(await dial("0712345678"), 400, "validation.failed");
    expectError(await dial("+254711000005", { colour: "blue" }), 400, "validation.failed");
    expectError(await dial("+254711000005", { client_request_id: "bad\u0001label" }), 400, "validation.failed");
    expectError(await dial("+254711000005", { voice_callback_url: "ftp://x/y" }), 400, "validation.failed");
    expectError(await api.post("/v1/calls", "{not json", {}), 400, "validation.failed");
    expect((await api.get("/v1/calls?limit=100")).json.data.length).toBe(before);
  });

  it("refuses numbers the workspace does not own with 403 numbers.not_owned", async () => {
    expectError(await api.post("/v1/calls", { from: "+254709999999", to: "+254711000006" }), 403, "numbers.not_owned");
    expectError(await dial("+254711000006", { caller_id: "+254709999998" }), 403, "numbers.not_owned");
  });

  it("replays an idempotent request with Idempotent-Replay: true and dials nothing new; 409 on a different body", async () => {
    const key = { "Idempotency-Key": "idem-test-1" };
    const first = await dial("+254711000007", {}, key);
    expect(first.status).toBe(201);
    const again = await dial("+254711000007", {}, key);
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get("idempotent-replay")).toBe("true");
    expect(first.headers.get("idempotent-replay")).toBeNull();
    const calls = (await api.get("/v1/calls?q=%2B254711000007")).json.data;
    expect(calls).toHaveLength(1);
    expectError(await dial("+254711000008", {}, key), 409, "idempotency.conflict");
    const alias = await api.post("/v1/calls/originate", { from: SEEDED.callerId, to: "+254711000007" }, key);
    expect([alias.status, alias.headers.get("idempotent-replay"), alias.json.call_id]).toEqual([
      201,
      "true",
      first.json.call_id,
    ]);
    expectError(await api.post(`/v1/calls/${first.json.call_id}/hangup`, undefined, key), 409, "idempotency.conflict");
    await api.post(`/v1/calls/${first.json.call_id}/hangup`);
  });

  it("answers 402 wallet.insufficient_funds before dialling when the balance is at or below zero", async () => {
    await em.control("/wallet", "POST", { workspace_id: SEEDED.workspaceId, set_minor: 0 });
    try {
      expectError(await dial("+254711000009"), 402, "wallet.insufficient_funds");
      expect((await api.get("/v1/calls?q=%2B254711000009")).json.data).toHaveLength(0);
    } finally {
      await em.control("/wallet", "POST", { workspace_id: SEEDED.workspaceId, set_minor: 100_000 });
    }
    expect((await dial("+254711000009")).status).toBe(201);
  });
});

describe("calls: lifecycle, billing, reads", () => {
  it("bills completed calls per second with ceil(duration × 300 / 60) and debits the wallet", async () => {
    const before = (await api.get("/v1/wallet/balance")).json.balance_minor;
    // +254 700 000 4NN answers and hangs up after NN seconds (real time, never scaled).
    const res = await dial("+254700000402");
    const call = await waitForCall(api, res.json.call_id, (c) => c.ended_at !== null, "ended", 10_000);
    expect(call.status).toBe("completed");
    expect(call.duration_seconds).toBe(2);
    expect(call.cost_minor).toBe(callCostMinor(2, 300));
    expect(call.cost_minor).toBe(10);
    expect(call.rate_per_minute_minor).toBe(300);
    const after = walletBalanceSchema.parse((await api.get("/v1/wallet/balance")).json);
    expect(after.balance_minor).toBe(before - 10);
    expect(call.events.map((e: any) => e.kind)).toEqual(["call.started", "call.answered", "call.completed"]);
  });

  it("ends magic numbers as pinned: busy, no_answer (after the scaled ring timeout), failed — all free", async () => {
    const [busy, noAnswer, failed] = await Promise.all([
      dial("+254700000101"),
      dial("+254700000201"),
      dial("+254700000301"),
    ]);
    const ended = (c: any) => c.ended_at !== null;
    expect(await waitForCall(api, busy.json.call_id, ended, "ended")).toMatchObject({
      status: "busy",
      cost_minor: 0,
      answered_at: null,
    });
    expect(await waitForCall(api, noAnswer.json.call_id, ended, "ended")).toMatchObject({
      status: "no_answer",
      cost_minor: 0,
    });
    expect(await waitForCall(api, failed.json.call_id, ended, "ended")).toMatchObject({
      status: "failed",
      cost_minor: 0,
    });
  });

  it("hangs up: ringing → canceled, answered → completed, and again is a no-op 200", async () => {
    const manual = await dial("+254700000501");
    await em.waitFor("ringing", (s) => s.phones.find((p: any) => p.e164 === "+254700000501" && p.state === "ringing"));
    const hung = await api.post(`/v1/calls/${manual.json.session_id}/hangup`);
    expect(hangupResponseSchema.parse(hung.json)).toEqual({ call_id: manual.json.call_id, status: "hung_up" });
    expect((await api.get(`/v1/calls/${manual.json.call_id}`)).json.call.status).toBe("canceled");
    expect((await api.post(`/v1/calls/${manual.json.call_id}/hangup`)).status).toBe(200);
    expect((await api.get(`/v1/calls/${manual.json.call_id}`)).json.call.status).toBe("canceled");

    const auto = await dial("+254711000010");
    await waitForCall(api, auto.json.call_id, (c) => c.status === "answered", "answered");
    await api.post(`/v1/calls/${auto.json.call_id}/hangup`);
    const done = (await api.get(`/v1/calls/${auto.json.call_id}`)).json.call;
    expect(done.status).toBe("completed");
    expect(done.cost_minor).toBe(callCostMinor(done.duration_seconds, 300));
    expectError(await api.post("/v1/calls/00000000-0000-4000-8000-000000000000/hangup"), 404, "calls.not_found");
  });

  it("gets a call by UUID or HD_ id, 404 otherwise and for another workspace's call", async () => {
    const res = await dial("+254711000011");
    const byId = getCallResponseSchema.parse((await api.get(`/v1/calls/${res.json.call_id}`)).json);
    const bySession = getCallResponseSchema.parse((await api.get(`/v1/calls/${res.json.session_id}`)).json);
    expect(bySession.call.id).toBe(byId.call.id);
    expect(byId.call).toMatchObject({
      direction: "outbound",
      local_e164: SEEDED.callerId,
      remote_e164: "+254711000011",
    });
    expectError(await api.get("/v1/calls/HD_000000000000"), 404, "calls.not_found");
    const other = await em.control("/workspaces", "POST", { name: "other" });
    expectError(await apiClient(bench.url, other.api_key).get(`/v1/calls/${res.json.call_id}`), 404, "calls.not_found");
    await api.post(`/v1/calls/${res.json.call_id}/hangup`);
  });

  it("lists calls newest first with filters and cursor pagination", async () => {
    const ids: string[] = [];
    for (const n of ["+254722000001", "+254722000002", "+254722000003"]) ids.push((await dial(n)).json.call_id);
    const page1 = listCallsResponseSchema.parse((await api.get("/v1/calls?q=%2B2547220000&limit=2")).json);
    expect(page1.data.map((c) => c.id)).toEqual([ids[2], ids[1]]);
    expect(page1.next_cursor).not.toBeNull();
    const page2 = listCallsResponseSchema.parse(
      (await api.get(`/v1/calls?q=%2B2547220000&limit=2&cursor=${page1.next_cursor}`)).json,
    );
    expect(page2.data.map((c) => c.id)).toEqual([ids[0]]);
    expect(page2.next_cursor).toBeNull();
    const bySession = (await api.get(`/v1/calls?session_id=${page1.data[0]!.session_id}`)).json.data;
    expect(bySession.map((c: any) => c.id)).toEqual([ids[2]]);
    const inbound = (await api.get("/v1/calls?direction=inbound&q=%2B2547220000")).json.data;
    expect(inbound).toHaveLength(0);
    const future = (await api.get(`/v1/calls?from=${Math.floor(Date.now() / 1000) + 3600}`)).json.data;
    expect(future).toHaveLength(0);
    for (const id of ids) await api.post(`/v1/calls/${id}/hangup`);
    const completed = (await api.get("/v1/calls?status=completed,canceled&q=%2B2547220000")).json.data;
    expect(completed).toHaveLength(3);
    expectError(await api.get("/v1/calls?limit=0"), 400, "validation.failed");
    expectError(await api.get("/v1/calls?limit=101"), 400, "validation.failed");
    expectError(await api.get("/v1/calls?status=ringing,exploded"), 400, "validation.failed");
    expectError(await api.get("/v1/calls?cursor=bm9wZQ"), 400, "validation.failed");
  });

  it("has no recording for a plain call: 404 calls.recording_not_found on GET and DELETE", async () => {
    const res = await dial("+254711000012");
    expectError(await api.get(`/v1/calls/${res.json.call_id}/recording`), 404, "calls.recording_not_found");
    expectError(await api.del(`/v1/calls/${res.json.call_id}/recording`), 404, "calls.recording_not_found");
    expectError(await api.get(`/v1/calls/nope/recording`), 404, "calls.not_found");
    await api.post(`/v1/calls/${res.json.call_id}/hangup`);
  });

  it("answers conference commands for a room that is not live with 404 conferences.not_live", async () => {
    expectError(
      await api.post("/v1/conferences/no-such-room/commands", { command: "mute", participant: "x" }),
      404,
      "conferences.not_live",
    );
    expectError(
      await api.post("/v1/conferences/no-such-room/commands", { command: "explode", participant: "x" }),
      400,
      "validation.failed",
    );
  });
});

describe("numbers, routing, wallet, workspaces", () => {
  it("lists the seeded numbers and routes them (PATCH/PUT and the URL aliases)", async () => {
    const list = listNumbersResponseSchema.parse((await api.get("/v1/numbers")).json);
    expect(list.numbers.map((n) => n.e164).sort()).toEqual([SEEDED.dialIn, SEEDED.callerId]);
    const id = list.numbers[0]!.id;
    const put = await api.put(`/v1/numbers/${id}/routing`, {
      voice_url: "http://127.0.0.1:1/a",
      events_url: "http://127.0.0.1:1/e",
    });
    expect(put.status).toBe(200);
    expect(put.json.number).toMatchObject({
      voice_callback_url: "http://127.0.0.1:1/a",
      events_url: "http://127.0.0.1:1/e",
      has_signing_secret: true,
    });
    expect(JSON.stringify(put.json)).not.toContain(SEEDED.secret);
    expectError(
      await api.patch(`/v1/numbers/${id}/routing`, { voice_url: "http://a/b", routing_url: "http://a/c" }),
      400,
      "validation.failed",
    );
    expectError(
      await api.patch(`/v1/numbers/${id}/routing`, { voice_signing_secret: "short" }),
      400,
      "validation.failed",
    );
    expectError(await api.patch(`/v1/numbers/${id}/routing`, { events_url: "not a url" }), 400, "validation.failed");
    expectError(await api.patch(`/v1/numbers/nope/routing`, { events_url: null }), 404, "numbers.not_found");
    await routeSeeded(api, bench.rx.url);
  });

  it("keeps workspaces apart: keys, numbers, wallets", async () => {
    const created = await em.control("/workspaces", "POST", { name: "Acme", balance_minor: 500 });
    expect(created.numbers.map((n: any) => n.role)).toEqual(["dial_in", "caller_id"]);
    const acme = apiClient(bench.url, created.api_key);
    const numbers = (await acme.get("/v1/numbers")).json.numbers.map((n: any) => n.e164);
    expect(numbers).toEqual(created.numbers.map((n: any) => n.e164));
    expect((await acme.get("/v1/wallet/balance")).json).toMatchObject({
      workspace_id: created.workspace_id,
      balance_minor: 500,
    });
    expectError(await acme.post("/v1/calls", { from: SEEDED.callerId, to: "+254711000013" }), 403, "numbers.not_owned");
    const state = await em.state();
    expect(JSON.stringify(state)).not.toContain(created.api_key);
  });
});

describe("API faults", () => {
  it("injects an outage (503) and 5xx (500), then clears them", async () => {
    await em.faults({ outage: true });
    expectError(await api.get("/v1/numbers"), 503, "service_unavailable");
    await em.faults({ outage: false, api_5xx_rate: 100 });
    expectError(await api.get("/v1/numbers"), 500, "internal_error");
    await em.clearFaults();
    expect((await api.get("/v1/numbers")).status).toBe(200);
    await expect(em.faults({ api_5xx_rate: 101 })).rejects.toThrow(/400/);
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After past the per-second limit; injected faults consume no tokens", async () => {
    const limited = await startEmulator({ env: { EMULATOR_RATE_LIMIT: "2", EMULATOR_TIME_SCALE: "0.01" } });
    try {
      const lapi = apiClient(limited.url);
      await emulatorControl(limited.url, "/faults", "POST", { outage: true });
      for (let i = 0; i < 5; i++)
        expect((await lapi.post("/v1/calls", { from: SEEDED.callerId, to: "+254733000001" })).status).toBe(503);
      await emulatorControl(limited.url, "/faults", "DELETE");
      const invalid = await lapi.post("/v1/calls", { from: SEEDED.callerId, to: "not-a-number" });
      expect(invalid.status).toBe(400);
      expect([invalid.headers.get("x-ratelimit-limit"), invalid.headers.get("x-ratelimit-remaining")]).toEqual([
        "2",
        "2",
      ]);
      const results = [];
      for (let i = 0; i < 3; i++)
        results.push(await lapi.post("/v1/calls", { from: SEEDED.callerId, to: `+25473300001${i}` }));
      expect(results.map((r) => r.status)).toEqual([201, 201, 429]);
      expect(results[0]!.headers.get("x-ratelimit-limit")).toBe("2");
      expect(results[0]!.headers.get("x-ratelimit-remaining")).toBe("1");
      expect(results[2]!.headers.get("x-ratelimit-remaining")).toBe("0");
      expect(Number(results[2]!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expectError(results[2]!, 429, "rate_limited");
    } finally {
      await limited.stop();
    }
  });
});

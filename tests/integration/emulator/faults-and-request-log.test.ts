import { describe, expect, it } from "vitest";
import { SEEDED, routeSeeded, emulatorBench } from "./helpers";

// Seeded faults repeat exactly between runs; every /v1 request lands in the request log.

const bench = emulatorBench({ env: { EMULATOR_TIME_SCALE: "0.001", EMULATOR_RATE_LIMIT: "0" } });
const { api, em } = bench;

/** 40 sequential /v1 reads under a 50 % 5xx rate: the pattern of answers. */
async function fiveXxPattern(seed: number): Promise<string> {
  await em.control("/reset", "POST");
  const set = await em.faults({ api_5xx_rate: 50, seed });
  expect(set.seed).toBe(seed);
  let pattern = "";
  for (let i = 0; i < 40; i++) pattern += (await api.get("/v1/wallet/balance")).status === 500 ? "x" : ".";
  return pattern;
}

/**
 * Twelve calls to manual-answer phones (each raises exactly one event, call.started, in creation
 * order) under 50 % duplicate and drop rates: per event, D when its first attempt was dropped and
 * 2 when it was sent twice — checked against what the receiver really got.
 */
async function deliveryPattern(seed: number): Promise<string> {
  await em.control("/reset", "POST");
  bench.rx.requests.length = 0;
  await routeSeeded(api, bench.rx.url);
  await em.faults({ duplicate_rate: 50, drop_rate: 50, seed });
  const ids: string[] = [];
  for (let i = 0; i < 12; i++)
    ids.push(
      (await api.post("/v1/calls", { from: SEEDED.callerId, to: `+2547000005${String(i).padStart(2, "0")}` })).json
        .call_id,
    );
  const started = await em.waitFor("every call.started delivered", (s) => {
    const ds = s.deliveries.filter((d: any) => d.kind === "call.started");
    return ds.length === 12 && ds.every((d: any) => d.outcome === "delivered") ? ds : null;
  });
  const copies = (eventId: string) =>
    bench.rx.requests.filter((r) => r.headers["x-sautikit-event-id"] === eventId).length;
  // A duplicate is posted alongside the delivering attempt: wait until each has arrived.
  await bench.rx.waitFor(
    () => started.every((d: any) => copies(d.event_id) === (d.injected?.includes("duplicate") ? 2 : 1)),
    5000,
    "every copy",
  );
  let pattern = "";
  for (const id of ids) {
    const d = started.find((x) =>
      bench.rx.requests.some(
        (r) => r.headers["x-sautikit-event-id"] === x.event_id && (r.json() as any).data.call_id === id,
      ),
    )!;
    const dropped = d.history[0]!.error === "dropped by fault injection";
    expect(dropped).toBe(Boolean(d.injected?.includes("drop")));
    pattern += `${dropped ? "D" : "-"}${copies(d.event_id)}`;
  }
  return pattern;
}

describe("seeded faults", () => {
  it("repeats the same 5xx choices for the same seed and different ones for another seed", async () => {
    const a = await fiveXxPattern(1234);
    const b = await fiveXxPattern(1234);
    const c = await fiveXxPattern(98765);
    console.log(`5xx patterns: seed 1234 ${a}, seed 98765 ${c}`);
    expect(b).toBe(a);
    expect(a).toContain("x");
    expect(a).toContain(".");
    expect(c).not.toBe(a);
  });

  it("repeats the same drop and duplicate choices per event for the same seed", async () => {
    const a = await deliveryPattern(7);
    const b = await deliveryPattern(7);
    const c = await deliveryPattern(8);
    console.log(`drop/duplicate patterns: seed 7 ${a}, seed 8 ${c}`);
    expect(b).toBe(a);
    expect(a).toMatch(/D/);
    expect(a).toMatch(/-/);
    expect(a).toMatch(/2/);
    expect(a).toMatch(/1/);
    expect(c).not.toBe(a);
  });

  it("reports the seed in the state and the faults API, and keeps it across DELETE", async () => {
    await em.faults({ seed: 42, outage: true });
    expect((await em.state()).fault_seed).toBe(42);
    expect(await em.control("/faults", "DELETE")).toEqual({ faults: {}, seed: 42 });
    expect(await em.control("/faults")).toEqual({ faults: {}, seed: 42 });
    const bad = await fetch(`${bench.url}/_emulator/faults`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ seed: -1 }),
    });
    expect(bad.status).toBe(400);
  });
});

describe("request log", () => {
  it("records every /v1 request with method, path, status, latency, request id, idempotency key and replay", async () => {
    await em.control("/reset", "POST");
    await routeSeeded(api, bench.rx.url);
    const created = await api.post(
      "/v1/calls",
      { from: SEEDED.callerId, to: "+254700000560" },
      { "Idempotency-Key": "log-k1" },
    );
    const replay = await api.post(
      "/v1/calls",
      { from: SEEDED.callerId, to: "+254700000560" },
      { "Idempotency-Key": "log-k1" },
    );
    const missing = await api.get("/v1/calls/no-such-call");
    await em.state(); // control requests are not logged

    const { requests } = await em.control("/requests");
    const [last, beforeLast, third] = requests;
    expect(last).toMatchObject({
      method: "GET",
      path: "/v1/calls/no-such-call",
      status: 404,
      error_code: "calls.not_found",
      request_id: missing.headers.get("request-id"),
      idempotent_replay: false,
    });
    expect(beforeLast).toMatchObject({
      method: "POST",
      path: "/v1/calls",
      status: 201,
      idempotency_key: "log-k1",
      idempotent_replay: true,
      request_id: replay.headers.get("request-id"),
    });
    expect(third).toMatchObject({
      status: 201,
      idempotent_replay: false,
      request_id: created.headers.get("request-id"),
      workspace_id: SEEDED.workspaceId,
    });
    expect(typeof last.latency_ms).toBe("number");
    expect(requests.every((r: any) => r.path.startsWith("/v1/"))).toBe(true);

    expect((await em.control("/requests?status=4xx")).requests.map((r: any) => r.status)).toEqual([404]);
    expect((await em.control("/requests?method=post&q=log-k1")).requests).toHaveLength(2);
    expect((await em.control("/requests?q=NO-SUCH")).requests).toHaveLength(1);
    expect((await em.state()).requests[0]!.request_id).toBe(last.request_id);
    const bad = await fetch(`${bench.url}/_emulator/requests?status=abc`);
    expect(bad.status).toBe(400);
    await api.post(`/v1/calls/${created.json.call_id}/hangup`);
  });
});

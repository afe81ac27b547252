import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callEventSchema } from "@/lib/sautikit/contract/call-events";
import { RETRY_SCHEDULE_SECONDS } from "@/lib/sautikit/contract/constants";
import { parseSignatureHeader } from "@/lib/sautikit/contract/signature";
import { startEmulator, type RunningEmulator } from "@/tests/support/emulator-process";
import {
  failTimes,
  startWebhookReceiver,
  type ReceivedRequest,
  type WebhookReceiver,
} from "@/tests/support/webhook-receiver";
import { SEEDED, apiClient, control, expectSigned, routeSeeded } from "./helpers";

// At-least-once delivery on the 8-attempt full-jitter schedule, scaled by EMULATOR_TIME_SCALE.

const MANUAL_PHONE = "+254700000550"; // rings until answered: only call.started is sent

let rx: WebhookReceiver;
beforeAll(async () => {
  rx = await startWebhookReceiver();
});
afterAll(async () => {
  await rx?.close();
});

async function deliveriesOf(url: string, eventId: string): Promise<any[]> {
  return (await control(url, "GET", `/deliveries?event_id=${eventId}`)).deliveries;
}

async function waitForOutcome(url: string, eventId: string, outcome: string, timeoutMs: number): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [d] = await deliveriesOf(url, eventId);
    if (d?.outcome === outcome) return d;
    if (Date.now() > deadline) throw new Error(`delivery of ${eventId} is ${JSON.stringify(d)}, not ${outcome}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function startedEvent(emuUrl: string, path: string, phone: string): Promise<{ eventId: string; callId: string }> {
  const api = apiClient(emuUrl);
  const call = (await api.post("/v1/calls", { from: SEEDED.callerId, to: phone })).json;
  const got = await rx.waitFor((rs) => rs.some((r) => r.path === path), 5000, `a delivery at ${path}`);
  const first = got.find((r) => r.path === path)!;
  return { eventId: String(first.headers["x-sautikit-event-id"]), callId: call.call_id };
}

describe("retry schedule (time scale 0.01)", () => {
  let emu: RunningEmulator;
  const scale = 0.01;
  beforeAll(async () => {
    emu = await startEmulator({ env: { EMULATOR_TIME_SCALE: String(scale) } });
  });
  afterAll(async () => emu?.stop());

  it("retries a receiver that fails 3 times: 4 attempts inside their jitter windows, same event id, fresh signatures", async () => {
    rx.on("/retry", failTimes(3));
    await routeSeeded(apiClient(emu.url), rx.url, { events_url: `${rx.url}/retry` });
    const { eventId } = await startedEvent(emu.url, "/retry", MANUAL_PHONE);
    const delivery = await waitForOutcome(emu.url, eventId, "delivered", 15_000);
    const attempts = rx.received("/retry", (r) => r.headers["x-sautikit-event-id"] === eventId);
    expect(attempts).toHaveLength(4);
    expect(delivery).toMatchObject({
      attempt: 4,
      status_code: 200,
      outcome: "delivered",
      next_attempt_at: null,
      kind: "call.started",
    });
    expect(delivery.history.map((h: any) => h.status_code)).toEqual([500, 500, 500, 200]);

    const keys = new Set<string>();
    for (const r of attempts) {
      await expectSigned(r, SEEDED.secret);
      expect(r.headers).toMatchObject({
        "x-sautikit-event-kind": "call.started",
        "x-sautikit-event": "call.started",
        "user-agent": "Sautikit-Webhooks/1",
        "content-type": "application/json",
      });
      expect(callEventSchema.parse(r.json()).event_id).toBe(eventId);
      keys.add(String(r.headers["x-sautikit-idempotency-key"]));
    }
    expect(keys.size).toBe(4); // one idempotency key per attempt
    expect(new Set(attempts.map((r) => r.rawBody)).size).toBe(1); // the same event body every time

    // Each wait is drawn from [0, base × scale]; allow a little for the failing answer and the network.
    const SLACK_MS = 750; // generous for a loaded CI machine; the drawn waits below are checked exactly
    for (let k = 1; k < attempts.length; k++) {
      const windowMs = RETRY_SCHEDULE_SECONDS[k]! * 1000 * scale;
      const gap = attempts[k]!.receivedAt - attempts[k - 1]!.receivedAt;
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(gap).toBeLessThanOrEqual(windowMs + SLACK_MS);
      const drawn = delivery.history[k].wait_ms;
      expect(drawn).toBeGreaterThanOrEqual(0);
      expect(drawn).toBeLessThanOrEqual(windowMs);
    }
    expect(delivery.history[0].wait_ms).toBe(0);
  });
});

describe("dead letter and faults (time scale 0.00005)", () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ env: { EMULATOR_TIME_SCALE: "0.00005" } });
  });
  afterAll(async () => emu?.stop());

  it("dead-letters after 8 failed attempts", async () => {
    rx.on("/dead", () => ({ status: 503 }));
    await routeSeeded(apiClient(emu.url), rx.url, { events_url: `${rx.url}/dead` });
    const { eventId } = await startedEvent(emu.url, "/dead", "+254700000551");
    const delivery = await waitForOutcome(emu.url, eventId, "dead_letter", 20_000);
    expect(delivery.attempt).toBe(8);
    expect(delivery.history).toHaveLength(8);
    expect(delivery.next_attempt_at).toBeNull();
    const seen = rx.received("/dead", (r) => r.headers["x-sautikit-event-id"] === eventId);
    expect(seen).toHaveLength(8);
    const stamps = seen.map((r) => parseSignatureHeader(String(r.headers["x-sautikit-signature"]))!.t);
    expect(stamps.every((t) => Math.abs(t - Date.now() / 1000) < 60)).toBe(true);
  });

  it("drop-then-retry: dropped attempts are never sent and are retried on schedule", async () => {
    rx.on("/drop", () => ({ status: 204 }));
    await routeSeeded(apiClient(emu.url), rx.url, { events_url: `${rx.url}/drop` });
    await control(emu.url, "POST", "/faults", { drop_first: 2 });
    try {
      const { eventId } = await startedEvent(emu.url, "/drop", "+254700000552");
      const delivery = await waitForOutcome(emu.url, eventId, "delivered", 10_000);
      expect(delivery.attempt).toBe(3);
      expect(delivery.history.map((h: any) => h.error ?? h.status_code)).toEqual([
        "dropped by fault injection",
        "dropped by fault injection",
        204,
      ]);
      expect(rx.received("/drop", (r) => r.headers["x-sautikit-event-id"] === eventId)).toHaveLength(1);
    } finally {
      await control(emu.url, "DELETE", "/faults");
    }
  });

  it("duplicate: every event arrives twice with the same event id and distinct delivery ids", async () => {
    await routeSeeded(apiClient(emu.url), rx.url, { events_url: `${rx.url}/dup` });
    await control(emu.url, "POST", "/faults", { duplicate: true });
    try {
      const { eventId } = await startedEvent(emu.url, "/dup", "+254700000553");
      const copies = await rx.waitFor(
        (rs) => rs.filter((r) => r.path === "/dup" && r.headers["x-sautikit-event-id"] === eventId).length >= 2,
        5000,
        "two copies",
      );
      const same = copies.filter(
        (r: ReceivedRequest) => r.path === "/dup" && r.headers["x-sautikit-event-id"] === eventId,
      );
      expect(same[0]!.rawBody).toBe(same[1]!.rawBody);
      expect(same[0]!.headers["x-sautikit-idempotency-key"]).not.toBe(same[1]!.headers["x-sautikit-idempotency-key"]);
    } finally {
      await control(emu.url, "DELETE", "/faults");
    }
  });

  it("delay: the first attempt is held for delay_ms", async () => {
    await routeSeeded(apiClient(emu.url), rx.url, { events_url: `${rx.url}/delay` });
    await control(emu.url, "POST", "/faults", { delay_ms: 400 });
    try {
      const before = Date.now();
      const { eventId } = await startedEvent(emu.url, "/delay", "+254700000554");
      const [d] = await deliveriesOf(emu.url, eventId);
      const arrived = rx.received("/delay", (r) => r.headers["x-sautikit-event-id"] === eventId)[0]!;
      expect(arrived.receivedAt - Date.parse(d.created_at)).toBeGreaterThanOrEqual(390);
      expect(arrived.receivedAt - before).toBeGreaterThanOrEqual(390);
    } finally {
      await control(emu.url, "DELETE", "/faults");
    }
  });

  it("reorder: events raised together are released newest first", async () => {
    await routeSeeded(apiClient(emu.url), rx.url, { events_url: `${rx.url}/reorder` });
    await control(emu.url, "POST", "/faults", { reorder: true });
    try {
      const api = apiClient(emu.url);
      const a = (await api.post("/v1/calls", { from: SEEDED.callerId, to: "+254700000555" })).json.call_id;
      const b = (await api.post("/v1/calls", { from: SEEDED.callerId, to: "+254700000556" })).json.call_id;
      await rx.waitFor((rs) => rs.filter((r) => r.path === "/reorder").length >= 2, 5000, "both events");
      const order = rx.received("/reorder").map((r) => (r.json() as any).data.call_id);
      expect(order).toEqual([b, a]);
    } finally {
      await control(emu.url, "DELETE", "/faults");
    }
  });
});

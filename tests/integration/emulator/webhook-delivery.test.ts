import { afterEach, describe, expect, it } from "vitest";
import { callEventSchema } from "@/lib/sautikit/contract/call-events";
import { RETRY_SCHEDULE_SECONDS } from "@/lib/sautikit/contract/constants";
import { parseSignatureHeader } from "@/lib/sautikit/contract/signature";
import { failTimes, type ReceivedRequest } from "@/tests/support/webhook-receiver";
import { SEEDED, emulatorBench, expectSigned, routeSeeded, until } from "./helpers";

// At-least-once delivery on the 8-attempt full-jitter schedule, scaled by EMULATOR_TIME_SCALE.

const MANUAL_PHONE = "+254700000550"; // rings until answered: only call.started is sent

type Bench = ReturnType<typeof emulatorBench>;

async function deliveriesOf(bench: Bench, eventId: string): Promise<any[]> {
  return (await bench.em.control(`/deliveries?event_id=${eventId}`)).deliveries;
}

async function waitForOutcome(bench: Bench, eventId: string, outcome: string, timeoutMs: number): Promise<any> {
  let last: unknown;
  try {
    return await until(
      `the delivery of ${eventId} to be ${outcome}`,
      async () => {
        const [d] = await deliveriesOf(bench, eventId);
        last = d;
        return d?.outcome === outcome && d;
      },
      timeoutMs,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; it is ${JSON.stringify(last)}`, { cause: error });
  }
}

async function startedEvent(bench: Bench, path: string, phone: string): Promise<{ eventId: string; callId: string }> {
  const call = (await bench.api.dial(phone)).json;
  const got = await bench.rx.waitFor((rs) => rs.some((r) => r.path === path), 5000, `a delivery at ${path}`);
  const first = got.find((r) => r.path === path)!;
  return { eventId: String(first.headers["x-sautikit-event-id"]), callId: call.call_id };
}

describe("retry schedule (time scale 0.01)", () => {
  const scale = 0.01;
  const bench = emulatorBench({ env: { EMULATOR_TIME_SCALE: String(scale) } });

  it("retries a receiver that fails 3 times: 4 attempts inside their jitter windows, same event id, fresh signatures", async () => {
    bench.rx.on("/retry", failTimes(3));
    await routeSeeded(bench.api, bench.rx.url, { events_url: `${bench.rx.url}/retry` });
    const { eventId } = await startedEvent(bench, "/retry", MANUAL_PHONE);
    const delivery = await waitForOutcome(bench, eventId, "delivered", 15_000);
    const attempts = bench.rx.received("/retry", (r) => r.headers["x-sautikit-event-id"] === eventId);
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
  const bench = emulatorBench({ env: { EMULATOR_TIME_SCALE: "0.00005" } });
  afterEach(() => bench.em.clearFaults());
  /** The seeded numbers send their events to `path` on the receiver. */
  const eventsTo = (path: string) => routeSeeded(bench.api, bench.rx.url, { events_url: `${bench.rx.url}${path}` });

  it("dead-letters after 8 failed attempts", async () => {
    bench.rx.on("/dead", () => ({ status: 503 }));
    await eventsTo("/dead");
    const { eventId } = await startedEvent(bench, "/dead", "+254700000551");
    const delivery = await waitForOutcome(bench, eventId, "dead_letter", 20_000);
    expect(delivery.attempt).toBe(8);
    expect(delivery.history).toHaveLength(8);
    expect(delivery.next_attempt_at).toBeNull();
    const seen = bench.rx.received("/dead", (r) => r.headers["x-sautikit-event-id"] === eventId);
    expect(seen).toHaveLength(8);
    const stamps = seen.map((r) => parseSignatureHeader(String(r.headers["x-sautikit-signature"]))!.t);
    expect(stamps.every((t) => Math.abs(t - Date.now() / 1000) < 60)).toBe(true);
  });

  it("drop-then-retry: dropped attempts are never sent and are retried on schedule", async () => {
    bench.rx.on("/drop", () => ({ status: 204 }));
    await eventsTo("/drop");
    await bench.em.faults({ drop_first: 2 });
    const { eventId } = await startedEvent(bench, "/drop", "+254700000552");
    const delivery = await waitForOutcome(bench, eventId, "delivered", 10_000);
    expect(delivery.attempt).toBe(3);
    expect(delivery.history.map((h: any) => h.error ?? h.status_code)).toEqual([
      "dropped by fault injection",
      "dropped by fault injection",
      204,
    ]);
    expect(bench.rx.received("/drop", (r) => r.headers["x-sautikit-event-id"] === eventId)).toHaveLength(1);
  });

  it("duplicate: every event arrives twice with the same event id and distinct delivery ids", async () => {
    await eventsTo("/dup");
    await bench.em.faults({ duplicate: true });
    const { eventId } = await startedEvent(bench, "/dup", "+254700000553");
    const copies = await bench.rx.waitFor(
      (rs) => rs.filter((r) => r.path === "/dup" && r.headers["x-sautikit-event-id"] === eventId).length >= 2,
      5000,
      "two copies",
    );
    const same = copies.filter(
      (r: ReceivedRequest) => r.path === "/dup" && r.headers["x-sautikit-event-id"] === eventId,
    );
    expect(same[0]!.rawBody).toBe(same[1]!.rawBody);
    expect(same[0]!.headers["x-sautikit-idempotency-key"]).not.toBe(same[1]!.headers["x-sautikit-idempotency-key"]);
  });

  it("delay: the first attempt is held for delay_ms", async () => {
    await eventsTo("/delay");
    await bench.em.faults({ delay_ms: 400 });
    const before = Date.now();
    const { eventId } = await startedEvent(bench, "/delay", "+254700000554");
    const [d] = await deliveriesOf(bench, eventId);
    const arrived = bench.rx.received("/delay", (r) => r.headers["x-sautikit-event-id"] === eventId)[0]!;
    expect(arrived.receivedAt - Date.parse(d.created_at)).toBeGreaterThanOrEqual(390);
    expect(arrived.receivedAt - before).toBeGreaterThanOrEqual(390);
  });

  it("reorder: events raised together are released newest first", async () => {
    await eventsTo("/reorder");
    await bench.em.faults({ reorder: true });
    const a = (await bench.api.dial("+254700000555")).json.call_id;
    const b = (await bench.api.dial("+254700000556")).json.call_id;
    await bench.rx.waitFor((rs) => rs.filter((r) => r.path === "/reorder").length >= 2, 5000, "both events");
    const order = bench.rx.received("/reorder").map((r) => (r.json() as any).data.call_id);
    expect(order).toEqual([b, a]);
  });
});

// The webhook pipeline through the app's real routes on a real database: signed requests are
// stored once and applied once, forged ones are refused and logged, voice callbacks are always
// answered. Requests are signed exactly as the emulator signs them (the contract's signPayload).
import { randomUUID } from "node:crypto";
import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signPayload } from "@/lib/sautikit/contract/signature";
import type { WebhookHandlers } from "@/lib/webhooks/handlers";
import { webhookHandlerStandIns, webhookWorkspace } from "../support/webhook-handlers";
import { appFixture } from "../support/app-fixture";

const SECRET = "whsec_pipeline_test_secret";
const app = appFixture();
const m = app.lib;
let flushDeliveryLog: typeof import("@/lib/webhooks/record-delivery").flushDeliveryLog;
/** The webhook log, once the rows buffered so far are written (they are batched, off the request path). */
const logged = async () => (await flushDeliveryLog(), m.db.webhookDelivery);
let register: (h: Partial<WebhookHandlers>) => void;
let standIns: Awaited<ReturnType<typeof webhookHandlerStandIns>>;
let workspaceId: string;

beforeAll(async () => {
  ({ flushDeliveryLog } = await import("@/lib/webhooks/record-delivery"));
  standIns = await webhookHandlerStandIns();
  register = standIns.use;
  workspaceId = await webhookWorkspace(m.db, "Pipeline", SECRET);
});
beforeEach(() => standIns.restore());

type PostOpts = { secret?: string; t?: number; contentType?: string; signature?: string | null; ws?: string };
async function post(route: string, body: string, o: PostOpts = {}) {
  const t = o.t ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { "Content-Type": o.contentType ?? "application/json" };
  const signature = o.signature === undefined ? await signPayload(o.secret ?? SECRET, body, t) : o.signature;
  if (signature !== null) headers["X-Sautikit-Signature"] = signature;
  return fetch(`${app.url}/api/sautikit/${o.ws ?? workspaceId}/${route}`, { method: "POST", headers, body });
}

const callEvent = (eventId: string, kind = "call.answered") =>
  JSON.stringify({
    kind,
    event_id: eventId,
    workspace_id: "emu-ws",
    occurred_at: "2026-11-25T10:00:05.000Z",
    data: {
      call_id: `call-${eventId}`,
      session_id: "HD_000000000001",
      direction: "outbound",
      from: "+254709000200",
      to: "+254712345678",
      status: "answered",
    },
  });
const deliveries = async (eventId: string) =>
  (await logged()).findMany({ where: { workspaceId, eventId }, orderBy: { receivedAt: "asc" } });

describe("events", () => {
  it("the same event delivered three times is stored and applied once", async () => {
    const applied: string[] = [];
    register({ "call-events": async (_ctx, e) => void applied.push(e.eventId!) });
    const id = randomUUID();
    const body = callEvent(id);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post("call-events", body)).status);
    expect(statuses).toEqual([200, 200, 200]);
    expect(applied).toEqual([id]);
    const rows = await m.db.webhookEvent.findMany({ where: { workspaceId, eventId: id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: "call.answered",
      route: "call-events",
      callId: `call-${id}`,
      rawBody: body,
      deliveryCount: 3,
      occurredAt: new Date("2026-11-25T10:00:05.000Z"),
      contentType: "application/json",
    });
    expect(rows[0]!.appliedAt).not.toBeNull();
    expect(rows[0]!.signedAt).not.toBeNull();
    const log = await deliveries(id);
    expect(log.map((d) => d.verdict)).toEqual(["accepted", "duplicate", "duplicate"]);
    // The log's batched insert writes every column as Prisma would read it back: the request's time
    // in UTC (a zone slip would put it hours away), the route, the status and a latency.
    for (const d of log) {
      expect(d).toMatchObject({ route: "call-events", kind: "call.answered", statusCode: 200, error: null });
      expect(Math.abs(d.receivedAt.getTime() - Date.now())).toBeLessThan(60_000);
      expect(d.latencyMs).toBeGreaterThanOrEqual(0);
    }
  });

  it("concurrent duplicates are applied once", async () => {
    let applied = 0;
    register({ "call-events": async () => void applied++ });
    const body = callEvent(randomUUID());
    const res = await Promise.all([post("call-events", body), post("call-events", body), post("call-events", body)]);
    expect(res.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(applied).toBe(1);
  });

  it("an event without an id is deduplicated by a hash of its raw body", async () => {
    let applied = 0;
    register({ "conference/events": async () => void applied++ });
    const body = new URLSearchParams({
      ConferenceName: `room-${randomUUID().slice(0, 8)}`,
      StatusCallbackEvent: "conference-start",
      SequenceNumber: "1",
    }).toString();
    for (let i = 0; i < 2; i++)
      expect((await post("conference/events", body, { contentType: "application/x-www-form-urlencoded" })).status).toBe(
        200,
      );
    expect(applied).toBe(1);
    const row = await m.db.webhookEvent.findFirstOrThrow({ where: { workspaceId, rawBody: body } });
    expect(row.eventId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(row).toMatchObject({ kind: "conference.start", sequence: 1n, deliveryCount: 2 });
  });

  it("a failing handler gets 500 and the redelivery applies the stored event", async () => {
    let calls = 0;
    register({
      "call-events": async () => {
        calls++;
        if (calls === 1) throw new Error("database hiccup");
      },
    });
    const id = randomUUID();
    expect((await post("call-events", callEvent(id))).status).toBe(500);
    const stored = await m.db.webhookEvent.findUniqueOrThrow({
      where: { workspaceId_eventId: { workspaceId, eventId: id } },
    });
    expect(stored).toMatchObject({ appliedAt: null, claimedAt: null, lastError: "database hiccup" });
    expect((await post("call-events", callEvent(id))).status).toBe(200);
    expect((await post("call-events", callEvent(id))).status).toBe(200);
    expect(calls).toBe(2);
    expect((await deliveries(id)).map((d) => d.verdict)).toEqual(["failed", "accepted", "duplicate"]);
  });

  it("an event that can never apply is recorded with its reason and not retried", async () => {
    const { AppError } = await import("@/lib/errors");
    let calls = 0;
    register({
      "call-events": async () => {
        calls++;
        throw new AppError("NOT_FOUND", "callNotInMeeting");
      },
    });
    const id = randomUUID();
    expect((await post("call-events", callEvent(id))).status).toBe(422);
    expect((await post("call-events", callEvent(id))).status).toBe(200);
    expect(calls).toBe(1);
    expect(
      await m.db.webhookEvent.findUniqueOrThrow({ where: { workspaceId_eventId: { workspaceId, eventId: id } } }),
    ).toMatchObject({
      lastError: "NOT_FOUND: That call is not part of this meeting.",
    });
  });

  it("in-room digits may answer with say/play for that leg", async () => {
    register({ "conference/digits": async (_ctx, d) => ({ actions: [{ say: { text: `You pressed ${d.digits}` } }] }) });
    const body = new URLSearchParams({
      ConferenceName: "room-1",
      CallId: "c1",
      Digits: "*6",
      EventId: randomUUID(),
    }).toString();
    const res = await post("conference/digits", body, { contentType: "application/x-www-form-urlencoded" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ actions: [{ say: { text: "You pressed *6" } }] });
  });
});

describe("behind a reverse proxy", () => {
  it("verifies although the proxy changed the host, the path prefix and added headers", async () => {
    let applied = 0;
    register({ "call-events": async () => void applied++ });
    const target = new URL(app.url);
    // Sautikit → https://meet.example.com/hooks/… → proxy → app /api/sautikit/…
    const proxy = http.createServer((req, res) => {
      const upstream = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url!.replace(/^\/hooks\//, "/api/sautikit/"),
          headers: {
            ...req.headers,
            host: "meet.example.com",
            "x-forwarded-proto": "https",
            "x-forwarded-for": "203.0.113.7",
          },
        },
        (up) => {
          res.writeHead(up.statusCode!, up.headers);
          up.pipe(res);
        },
      );
      req.pipe(upstream);
    });
    await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
    try {
      const body = callEvent(randomUUID());
      const res = await fetch(
        `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/hooks/${workspaceId}/call-events`,
        {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            "X-Sautikit-Signature": await signPayload(SECRET, body, Math.floor(Date.now() / 1000)),
          },
          body,
        },
      );
      expect(res.status).toBe(200);
      expect(applied).toBe(1);
    } finally {
      proxy.close();
    }
  });
});

describe("rejections", () => {
  it("a forged event is 401, logged as rejected, and changes nothing", async () => {
    let applied = 0;
    register({ "call-events": async () => void applied++ });
    const id = randomUUID();
    const res = await post("call-events", callEvent(id), { secret: "whsec_attacker" });
    expect(res.status).toBe(401);
    expect(applied).toBe(0);
    expect(await m.db.webhookEvent.count({ where: { workspaceId, eventId: id } })).toBe(0);
    const log = await (
      await logged()
    ).findMany({ where: { workspaceId, verdict: "rejected_signature", error: "signature mismatch" } });
    expect(log.length).toBeGreaterThanOrEqual(1);
    expect(log.at(-1)).toMatchObject({ statusCode: 401, route: "call-events" });
  });

  it.each([
    ["missing", { signature: null }, "signature missing"],
    ["stale", { skew: -360 }, "signature stale"],
    ["future", { skew: 360 }, "signature future"],
    ["garbled", { signature: "t=abc,v1=xyz" }, "signature malformed"],
  ] as const)(
    "a %s signature is 401 and logged",
    async (_n, o: { signature?: string | null; skew?: number }, error) => {
      const id = randomUUID();
      const opts = {
        signature: o.signature,
        t: o.skew === undefined ? undefined : Math.floor(Date.now() / 1000) + o.skew,
      };
      const before = await (await logged()).count({ where: { workspaceId, error } });
      expect((await post("call-events", callEvent(id), opts)).status).toBe(401);
      expect(await (await logged()).count({ where: { workspaceId, error } })).toBe(before + 1);
      expect(await m.db.webhookEvent.count({ where: { eventId: id } })).toBe(0);
    },
  );

  it("a body altered after signing is rejected", async () => {
    const body = callEvent(randomUUID());
    const signature = await signPayload(SECRET, body, Math.floor(Date.now() / 1000));
    const res = await post("call-events", body.replace("answered", "completed"), { signature });
    expect(res.status).toBe(401);
  });

  it("an oversized body is refused, with or without a Content-Length", async () => {
    const big = "x".repeat(70 * 1024);
    expect((await post("call-events", big)).status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 70; i++) c.enqueue(new TextEncoder().encode("y".repeat(1024)));
        c.close();
      },
    });
    const res = await fetch(`${app.url}/api/sautikit/${workspaceId}/call-events`, {
      method: "POST",
      headers: { "X-Sautikit-Signature": await signPayload(SECRET, "", Math.floor(Date.now() / 1000)) },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it("a delivery whose sender hung up mid-body is a failed delivery, not a forged one", async () => {
    const { handleWebhookRequest } = await import("@/lib/webhooks/handle-webhook");
    const body = callEvent(randomUUID());
    const signature = await signPayload(SECRET, body, Math.floor(Date.now() / 1000));
    const gone = new AbortController();
    const cut = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode(body.slice(0, 20)));
        gone.abort();
        c.error(new Error("socket hang up"));
      },
    });
    const req = new Request(`${app.url}/api/sautikit/${workspaceId}/call-events`, {
      method: "POST",
      headers: { "X-Sautikit-Signature": signature, "X-Sautikit-Idempotency-Key": "cut-1" },
      body: cut,
      signal: gone.signal,
      duplex: "half",
    } as RequestInit);
    const res = await handleWebhookRequest(req, Promise.resolve({ workspaceId }), "call-events");
    expect(res.status).toBe(499);
    expect(await (await logged()).findFirstOrThrow({ where: { deliveryId: "cut-1" } })).toMatchObject({
      verdict: "failed",
    });
  });

  it("an unknown workspace is 404", async () => {
    expect((await post("call-events", callEvent(randomUUID()), { ws: randomUUID() })).status).toBe(404);
    expect((await post("call-events", callEvent(randomUUID()), { ws: "not-a-uuid" })).status).toBe(404);
  });

  it("a signed but unusable payload is 400 and not stored", async () => {
    const body = JSON.stringify({ kind: "call.answered", event_id: randomUUID(), data: {} });
    const res = await post("call-events", body);
    expect(res.status).toBe(400);
    expect(await m.db.webhookEvent.count({ where: { rawBody: body } })).toBe(0);
  });
});

describe("voice callbacks", () => {
  const form = (callId: string, digits?: string) =>
    new URLSearchParams({
      CallId: callId,
      From: "+254712345678",
      To: "+254709000100",
      Direction: "inbound",
      CallStatus: "ringing",
      ...(digits !== undefined ? { Digits: digits } : {}),
    }).toString();
  const voice = (body: string) => post("voice/inbound", body, { contentType: "application/x-www-form-urlencoded" });

  it("reaches the app's own inbound handler: a call to a number the workspace does not use is refused politely", async () => {
    const res = await voice(form(randomUUID()));
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { actions: Array<Record<string, unknown>> };
    expect(doc.actions[0]).toMatchObject({ say: { text: expect.stringMatching(/could not find that meeting/) } });
    expect(doc.actions.at(-1)).toEqual({ hangup: {} });
  });

  it("is answered every time, never deduplicated (a wrong PIN entered twice)", async () => {
    const seen: string[] = [];
    register({
      "voice/inbound": async (_ctx, cb) => (
        seen.push(cb.digits ?? ""),
        { actions: [{ say: { text: "Wrong PIN" } }, { getDigits: { numDigits: 6 } }] }
      ),
    });
    const callId = randomUUID();
    const body = form(callId, "111111");
    const [a, b] = [await voice(body), await voice(body)];
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await a.json()).toEqual(await b.json());
    expect(seen).toEqual(["111111", "111111"]);
    expect(await m.db.webhookEvent.count({ where: { callId } })).toBe(0);
    expect((await deliveries(callId)).map((d) => d.verdict)).toEqual(["accepted", "accepted"]);
  });

  it("an invalid document from a handler is replaced by a safe one", async () => {
    register({ "voice/inbound": async () => ({ actions: [{ dial: {} }] }) as never });
    const res = await voice(form(randomUUID()));
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { actions: Array<Record<string, unknown>> };
    expect(doc.actions.at(-1)).toEqual({ hangup: {} });
    expect(doc.actions.some((a) => "dial" in a)).toBe(false);
  });

  it("a forged voice callback is 401 and the handler never runs", async () => {
    let ran = false;
    register({ "voice/inbound": async () => ((ran = true), { actions: [] }) });
    expect((await post("voice/inbound", form(randomUUID()), { secret: "nope" })).status).toBe(401);
    expect(ran).toBe(false);
  });
});

// The production server's lane (ADR 0008, ADR 0024): the same pipeline over node:http directly,
// with no web Request or Response, wired as scripts/lib/production-server.ts wires it.
describe("over the production server's webhook lane", () => {
  type Lane = import("@/lib/http/webhook-lane").WebhookLane;
  let laneUrl: string;
  let lane: Lane;
  let server: http.Server;
  /** Each answer as the lane computed it, in order (the test's "the server has answered"). */
  const answers: Array<{ status: number; headers: Readonly<Record<string, string>> }> = [];
  let answered: () => void = () => {};

  beforeAll(async () => {
    const { installWebhookLane, WEBHOOK_LANE_GLOBAL } = await import("@/lib/http/webhook-lane");
    const wire = await import("@/scripts/lib/webhook-lane-http");
    installWebhookLane();
    const g = globalThis as Record<string, unknown>;
    lane = g[WEBHOOK_LANE_GLOBAL] as Lane;
    delete g[WEBHOOK_LANE_GLOBAL];
    server = http.createServer((req, res) => {
      const target = wire.matchWebhookPath(req.url ?? "/")!;
      const { request, bodyCancelled } = wire.nodeWebhookRequest(req);
      void lane.handle(request, target.workspaceId, target.route).then((answer) => {
        answers.push(answer);
        wire.writeWebhookAnswer(res, answer, bodyCancelled() || !req.complete);
        answered();
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    laneUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return () => new Promise<void>((r) => server.close(() => r()));
  });

  /** Sends `head` and `body` on a raw socket (hanging up once they are sent, if asked); `first` is the first bytes back. */
  function raw(head: string, body = "", hangUp = false) {
    const socket = net.connect(Number(new URL(laneUrl).port), "127.0.0.1");
    const first = new Promise<string>((r) => socket.once("data", (d) => r(d.toString())));
    socket.write(head + body, () => hangUp && socket.destroy());
    return { socket, first };
  }
  const nextAnswer = () => new Promise<void>((r) => (answered = r));

  it("answers a signed event with the JSON, a Content-Length and the API security headers", async () => {
    let applied = 0;
    register({ "call-events": async () => void applied++ });
    const body = callEvent(randomUUID());
    const res = await fetch(`${laneUrl}/api/sautikit/${workspaceId}/call-events`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-Sautikit-Signature": await signPayload(SECRET, body, Math.floor(Date.now() / 1000)),
      },
      body,
    });
    const text = await res.text();
    expect([res.status, JSON.parse(text), applied]).toEqual([200, { ok: true }, 1]);
    expect(res.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("refuses a declared Content-Length over the cap without reading a byte of the body", async () => {
    const done = nextAnswer();
    // Headers only: the body is never sent, so an answer proves it was not waited for.
    const { first, socket } = raw(
      `POST /api/sautikit/${workspaceId}/call-events HTTP/1.1\r\nHost: x\r\nX-Sautikit-Signature: t=1,v1=00\r\n` +
        `X-Sautikit-Idempotency-Key: lane-declared\r\nContent-Length: ${1024 * 1024}\r\n\r\n`,
    );
    expect(await first).toMatch(/^HTTP\/1\.1 413 [^]*connection: close/i);
    socket.destroy();
    await done;
    expect(await (await logged()).findFirstOrThrow({ where: { deliveryId: "lane-declared" } })).toMatchObject({
      verdict: "invalid",
      statusCode: 413,
    });
  });

  it("drops a chunked body the moment it passes the cap, while the sender is still sending", async () => {
    const { first, socket } = raw(
      `POST /api/sautikit/${workspaceId}/call-events HTTP/1.1\r\nHost: x\r\nX-Sautikit-Signature: t=1,v1=00\r\n` +
        `Transfer-Encoding: chunked\r\n\r\n`,
      // 65 KB in chunks of 1 KB, and no terminating chunk: the body never ends.
      Array.from({ length: 65 }, () => `400\r\n${"y".repeat(1024)}\r\n`).join(""),
    );
    expect(await first).toMatch(/^HTTP\/1\.1 413 [^]*connection: close/i);
    socket.destroy();
  });

  it("a sender that hangs up mid-body is answered 499 and logged as a failed delivery", async () => {
    const done = nextAnswer();
    raw(
      `POST /api/sautikit/${workspaceId}/call-events HTTP/1.1\r\nHost: x\r\nX-Sautikit-Signature: t=1,v1=00\r\n` +
        `X-Sautikit-Idempotency-Key: lane-cut\r\nContent-Length: 1000\r\n\r\n`,
      '{"partial":',
      true,
    );
    await done;
    expect(answers.at(-1)?.status).toBe(499);
    expect(await (await logged()).findFirstOrThrow({ where: { deliveryId: "lane-cut" } })).toMatchObject({
      verdict: "failed",
      statusCode: 499,
    });
  });
});

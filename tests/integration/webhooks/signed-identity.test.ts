// A webhook is identified by its signed bytes only. The signature covers the body and its time,
// not the URL or the X-Sautikit-Event-* headers, so: an event's id and kind come from the body (or
// a hash of the raw body), a redelivery with a different header id is the same event, a body with
// no kind is refused whatever the headers say, and a voice callback's clientRequestId is the
// body's, never the query's. And a signed event holding U+0000 or invalid UTF-8 — which PostgreSQL
// text and jsonb cannot hold — is stored (the exact bytes kept) and applied, not refused with a
// 5xx until Sautikit gives up. All over HTTP through the app's routes, on a real database.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signPayload } from "@/lib/sautikit/contract/signature";
import { appFixture } from "../support/app-fixture";
import { webhookHandlerStandIns, webhookWorkspace } from "../support/webhook-handlers";

const SECRET = "whsec_signed_identity_secret";
const app = appFixture();
const m = app.lib;
let standIns: Awaited<ReturnType<typeof webhookHandlerStandIns>>;
let workspaceId: string;

beforeAll(async () => {
  standIns = await webhookHandlerStandIns();
  workspaceId = await webhookWorkspace(m.db, "Signed identity", SECRET);
}, 120_000);
afterAll(() => standIns?.restore());

type Seen = {
  callEvents: { eventId?: string; kind: string; callId: string; hangupCause?: string }[];
  conference: { room: string; callId?: string }[];
  voice: (string | undefined)[];
};
let seen: Seen;
beforeEach(() => {
  seen = { callEvents: [], conference: [], voice: [] };
  standIns.use({
    "call-events": async (_ctx, e) =>
      void seen.callEvents.push({
        eventId: e.eventId,
        kind: e.kind,
        callId: e.data.callId,
        hangupCause: e.data.hangupCause,
      }),
    "conference/events": async (_ctx, e) => void seen.conference.push({ room: e.room, callId: e.callId }),
    "voice/outbound": async (_ctx, cb) => {
      seen.voice.push(cb.clientRequestId);
      return { actions: [{ say: { text: "Karibu" } }] };
    },
  });
});

async function post(
  path: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
  contentType = "application/json",
) {
  const signature = await signPayload(
    SECRET,
    typeof body === "string" ? body : new Uint8Array(body),
    Math.floor(Date.now() / 1000),
  );
  return fetch(`${app.url}/api/sautikit/${workspaceId}/${path}`, {
    method: "POST",
    headers: { "Content-Type": contentType, "X-Sautikit-Signature": signature, ...headers },
    body: typeof body === "string" ? body : new Uint8Array(body),
  });
}

const sha256 = (b: string | Buffer) => `sha256:${createHash("sha256").update(b).digest("hex")}`;
const unique = () => Math.random().toString(36).slice(2, 10);

describe("identity from signed bytes only", () => {
  it("an event without an id in its body is keyed by the body's hash, whatever X-Sautikit-Event-Id says", async () => {
    const body = JSON.stringify({
      kind: "call.answered",
      occurred_at: "2026-12-03T08:00:00Z",
      data: { call_id: `call-${unique()}`, status: "answered" },
    });
    const first = await post("call-events", body, {
      "X-Sautikit-Event-Id": "ev-header-a",
      "X-Sautikit-Event-Kind": "call.completed",
    });
    expect(first.status, await first.text()).toBe(200);
    // A replay of the same signed body under another header id is the same event: not applied twice.
    const replay = await post("call-events", body, { "X-Sautikit-Event-Id": "ev-header-b" });
    expect(await replay.json()).toMatchObject({ duplicate: true });
    const rows = await m.db.webhookEvent.findMany({ where: { workspaceId, rawBody: body } });
    expect(rows.map((r) => [r.eventId, r.kind, r.deliveryCount])).toEqual([[sha256(body), "call.answered", 2]]);
    expect(seen.callEvents).toHaveLength(1);
    expect(seen.callEvents[0]).toMatchObject({ kind: "call.answered", eventId: undefined });
  });

  it("a body with no kind is refused; the X-Sautikit-Event-Kind header does not supply one", async () => {
    const body = JSON.stringify({ event_id: `ev-${unique()}`, data: { call_id: "call-kindless" } });
    const res = await post("call-events", body, {
      "X-Sautikit-Event-Kind": "call.completed",
      "X-Sautikit-Event": "call.completed",
    });
    expect(res.status).toBe(400);
    expect(await m.db.webhookEvent.count({ where: { workspaceId, rawBody: body } })).toBe(0);
    expect(seen.callEvents).toHaveLength(0);
  });

  it("a voice callback's clientRequestId is the body's; the one in the query string is ignored", async () => {
    const bodyless = new URLSearchParams({
      CallId: `c-${unique()}`,
      From: "+254709000200",
      To: "+254712000001",
      Direction: "outbound-api",
      CallStatus: "in-progress",
    }).toString();
    const a = await post("voice/outbound?clientRequestId=m1.p9.1", bodyless, {}, "application/x-www-form-urlencoded");
    expect(a.status).toBe(200);
    const withBody = new URLSearchParams({
      CallId: `c-${unique()}`,
      clientRequestId: "m1.p1.1",
      CallStatus: "in-progress",
    }).toString();
    const b = await post("voice/outbound?clientRequestId=m1.p9.1", withBody, {}, "application/x-www-form-urlencoded");
    expect(b.status).toBe(200);
    expect(seen.voice).toEqual([undefined, "m1.p1.1"]);
  });
});

describe("events text cannot hold are stored losslessly and applied", () => {
  it("U+0000 in a signed JSON event: 2xx, stored, applied (NUL read as U+FFFD), exact body kept", async () => {
    const eventId = `ev-nul-${unique()}`;
    const body = JSON.stringify({
      kind: "call.completed",
      event_id: eventId,
      data: { call_id: "call\u0000x", status: "completed", hangup_cause: "normal\u0000clearing" },
    });
    const res = await post("call-events", body);
    expect(res.status, await res.text()).toBe(200);
    const row = await m.db.webhookEvent.findUniqueOrThrow({ where: { workspaceId_eventId: { workspaceId, eventId } } });
    expect(row.appliedAt).not.toBeNull();
    expect(row.callId).toBe("call\uFFFDx");
    // The JSON escape is plain ASCII: the text column holds the body exactly.
    expect(row.rawBody).toBe(body);
    expect(seen.callEvents).toEqual([
      { eventId, kind: "call.completed", callId: "call\uFFFDx", hangupCause: "normal\uFFFDclearing" },
    ]);
    expect((await post("call-events", body)).status).toBe(200);
    expect(seen.callEvents).toHaveLength(1);
  });

  it("a raw NUL byte and invalid UTF-8 in a signed form event: stored with its exact bytes, applied", async () => {
    const eventId = `ev-bytes-${unique()}`;
    const body = Buffer.concat([
      Buffer.from(
        `EventId=${eventId}&ConferenceName=room-bytes&StatusCallbackEvent=participant-join&CallId=call-bytes&Note=`,
      ),
      Buffer.from([0x00, 0xff, 0xc3, 0x28]),
      Buffer.from("&SequenceNumber=3"),
    ]);
    const res = await post("conference/events", body, {}, "application/x-www-form-urlencoded");
    expect(res.status, await res.text()).toBe(200);
    const row = await m.db.webhookEvent.findUniqueOrThrow({ where: { workspaceId_eventId: { workspaceId, eventId } } });
    expect(row.appliedAt).not.toBeNull();
    expect(Buffer.from(row.rawBytes!).equals(body)).toBe(true);
    expect(row.rawBody).toContain("\uFFFD");
    expect(row.rawBody).not.toContain("\u0000");
    expect(seen.conference).toEqual([{ room: "room-bytes", callId: "call-bytes" }]);
    // Redelivered: recognised as the same event.
    expect(await (await post("conference/events", body, {}, "application/x-www-form-urlencoded")).json()).toMatchObject(
      { duplicate: true },
    );
  });

  it("invalid UTF-8 in a signed JSON event with no id: keyed by the hash of its exact bytes", async () => {
    const body = Buffer.concat([
      Buffer.from('{"kind":"call.answered","data":{"call_id":"call-utf8-'),
      Buffer.from([0xe2, 0x28, 0xa1]),
      Buffer.from(`-${unique()}"}}`),
    ]);
    const res = await post("call-events", body);
    expect(res.status, await res.text()).toBe(200);
    const row = await m.db.webhookEvent.findUniqueOrThrow({
      where: { workspaceId_eventId: { workspaceId, eventId: sha256(body) } },
    });
    expect(row.appliedAt).not.toBeNull();
    expect(Buffer.from(row.rawBytes!).equals(body)).toBe(true);
  });
});

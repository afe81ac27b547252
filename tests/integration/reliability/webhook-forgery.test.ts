// Forged, unsigned, stale (a captured delivery replayed after the 300 s window) and future-dated
// webhooks on all five Sautikit routes, with the app's real handlers and a real meeting whose
// roster they would change: every one is 401 and nothing in the database moves. A genuine event
// delivered again inside the window (in turn and all at once) is 2xx each time and applied once.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { appFixture } from "../support/app-fixture";
import { createWorkspace, meetingInput, sign } from "../meetings/support";

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../fixtures/sautikit");
const fixture = (name: string) => readFileSync(path.join(fixtures, name), "utf8").trim();
const FIXTURE_CALL = "0190a1b2-0000-7000-8000-00000000c001";

const app = appFixture();
const m = app.lib;
let flushDeliveryLog: typeof import("@/lib/webhooks/record-delivery").flushDeliveryLog;
let workspaceId: string;
let secret: string;
let meetingId: string;
let legId: string;
let bodies: Record<string, { body: string; type: string }>;

beforeAll(async () => {
  ({ flushDeliveryLog } = await import("@/lib/webhooks/record-delivery"));
  const { scheduleMeeting } = await import("@/lib/meetings/schedule-meeting");
  const { addParticipant } = await import("@/lib/meetings/add-participant");
  const ws = await createWorkspace(m.db);
  ({ workspaceId, secret } = ws);
  const meeting = await scheduleMeeting(ws.actor, meetingInput({ waitForHost: false }));
  meetingId = meeting.id;
  const p = await addParticipant(ws.actor, meeting.id, { name: "Target", phone: "+254712345678" });
  const room = (await m.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).roomName;
  const callId = `call-forgery-${meeting.id}`;
  const key = `${meeting.id}:${p.id}:1`;
  legId = (
    await m.db.leg.create({
      data: {
        workspaceId,
        meetingId,
        participantId: p.id,
        direction: "outbound",
        callId,
        idempotencyKey: key,
        toE164: "+254712345678",
      },
    })
  ).id;
  const adapt = (s: string) =>
    s
      .replaceAll("meeting-42%3Ap-7", encodeURIComponent(key))
      .replaceAll("meeting-42:p-7", key)
      .replaceAll("meeting-42", room)
      .replaceAll(FIXTURE_CALL, callId);
  bodies = {
    "voice/outbound": { body: adapt(fixture("voice-callback.form")), type: "application/x-www-form-urlencoded" },
    "voice/inbound": { body: fixture("get-digits-callback.form"), type: "application/x-www-form-urlencoded" },
    "conference/events": {
      body: adapt(fixture("conference-status-join.form")),
      type: "application/x-www-form-urlencoded",
    },
    "conference/digits": { body: adapt(fixture("conference-digits.form")), type: "application/x-www-form-urlencoded" },
    "call-events": { body: adapt(fixture("call-answered.json")), type: "application/json" },
  };
});

const now = () => Math.floor(Date.now() / 1000);
function post(route: string, body: string, type: string, signature: string | null) {
  const headers: Record<string, string> = { "content-type": type, "user-agent": "Sautikit-Webhooks/1" };
  if (signature !== null) headers["x-sautikit-signature"] = signature;
  return fetch(`${app.url}/api/sautikit/${workspaceId}/${route}`, { method: "POST", headers, body });
}

/** Everything a webhook could change. */
async function snapshot() {
  const [facts, events, legs, participants, jobs, audit, meeting] = await Promise.all([
    m.db.rosterEvent.count(),
    m.db.webhookEvent.count(),
    m.db.leg.findMany({
      orderBy: { id: "asc" },
      select: { id: true, state: true, muted: true, callId: true, endReason: true },
    }),
    m.db.participant.count(),
    m.db.job.count(),
    m.db.auditLog.count(),
    m.db.meeting.findUniqueOrThrow({
      where: { id: meetingId },
      select: { status: true, locked: true, startedAt: true },
    }),
  ]);
  return { facts, events, legs, participants, jobs, audit, meeting };
}

const ATTACKS = [
  ["forged (another secret)", () => (body: string) => sign(body, "whsec_attacker_guess")],
  ["unsigned", () => () => null],
  ["stale (captured, replayed 301 s later)", () => (body: string) => sign(body, secret, now() - 301)],
  ["replayed an hour later", () => (body: string) => sign(body, secret, now() - 3600)],
  ["future-dated", () => (body: string) => sign(body, secret, now() + 301)],
] as const;

describe("refused webhooks change nothing", () => {
  const routes = ["voice/outbound", "voice/inbound", "conference/events", "conference/digits", "call-events"];
  it.each(routes)("%s: forged, unsigned, stale and future signatures are all 401", async (route) => {
    const before = await snapshot();
    await flushDeliveryLog();
    const rejectedBefore = await m.db.webhookDelivery.count({
      where: { workspaceId, route, verdict: "rejected_signature" },
    });
    for (const [name, make] of ATTACKS) {
      const { body, type } = bodies[route]!;
      const res = await post(route, body, type, make()(body));
      expect(res.status, `${route} ${name}`).toBe(401);
      const text = await res.text();
      expect(text, "a refusal says nothing about the secret").not.toContain(secret);
    }
    expect(await snapshot()).toEqual(before);
    await flushDeliveryLog(); // log rows are written in batches, off the request path
    const rejected = await m.db.webhookDelivery.count({ where: { workspaceId, route, verdict: "rejected_signature" } });
    expect(rejected - rejectedBefore).toBe(ATTACKS.length);
  });
});

describe("genuine duplicates inside the window", () => {
  it.each(["call-events", "conference/events"])(
    "%s: delivered six times (three in turn, three at once) is 2xx each time and applied once",
    async (route) => {
      const { body, type } = bodies[route]!;
      const factsBefore = await m.db.rosterEvent.count({ where: { meetingId } });
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await post(route, body, type, sign(body, secret))).status);
      const burst = await Promise.all([0, 1, 2].map(() => post(route, body, type, sign(body, secret))));
      statuses.push(...burst.map((r) => r.status));
      expect(
        statuses.every((s) => s >= 200 && s < 300),
        `statuses ${statuses.join(",")}`,
      ).toBe(true);
      expect(await m.db.rosterEvent.count({ where: { meetingId } })).toBe(factsBefore + 1);
      await flushDeliveryLog();
      const verdicts = await m.db.webhookDelivery.groupBy({
        by: ["verdict"],
        where: { workspaceId, route, verdict: { in: ["accepted", "duplicate"] } },
        _count: true,
      });
      expect(Object.fromEntries(verdicts.map((v) => [v.verdict, v._count]))).toEqual({ accepted: 1, duplicate: 5 });
    },
  );

  it("the applied events moved the leg forward", async () => {
    const leg = await m.db.leg.findUniqueOrThrow({ where: { id: legId } });
    expect(["answered", "in_call", "waiting"]).toContain(leg.state);
  });
});

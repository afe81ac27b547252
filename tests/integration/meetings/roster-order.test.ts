// The roster's final state is the same whether the provider's events arrive in order, every one
// twice, or shuffled (many seeded orderings, delivered concurrently), through the real signed
// webhook routes, the real pipeline (dedupe) and a real database.
import { beforeAll, describe, expect, it } from "vitest";
import { rng, shuffle } from "@/tests/support/seeded-shuffle";
import { appFixture } from "../support/app-fixture";
import { events as scenario, legs as scenarioLegs } from "@/tests/unit/roster/scenario";
import type { RosterEvent } from "@/lib/roster/roster-event";
import { statusCallbackEventNames } from "@/lib/sautikit/contract/conference-events";
import type { ParticipantRole } from "@/lib/shared/meeting-schemas";
import { createWorkspace, insertParticipants, meetingInput, postSigned } from "./support";

const app = appFixture({
  modules: () => [import("@/lib/roster/recompute-roster")],
});
const m = app.lib;
let ws: Awaited<ReturnType<typeof createWorkspace>>;

beforeAll(async () => {
  ws = await createWorkspace(m.db);
});

type Delivery = { path: string; body: string; contentType: string };

/** A meeting with the scenario's people and legs; returns its wire deliveries. */
async function prepareMeeting(tag: string) {
  const meeting = await m.scheduleMeeting(ws.actor, meetingInput({ title: `Order ${tag}`, endOnHostExit: true }));
  const roles: Record<string, ParticipantRole> = { host: "host", listen: "listener" };
  const people = ["host", "amina", "juma", "busy", "listen", "kick"];
  const byName = await insertParticipants(
    m.db,
    { workspaceId: ws.workspaceId, meetingId: meeting.id },
    people.map((name) => ({ name, role: roles[name] ?? "participant" })),
    "+2547120000",
  );
  // The scenario names each person's participant `P-<name>`.
  const participants = new Map([...byName].map(([name, id]) => [`P-${name}`, id]));
  const legIds = new Map<string, string>();
  const callIds = new Map<string, string>();
  for (const l of scenarioLegs) {
    const callId = `${meeting.id.slice(0, 8)}-${l.id}`;
    const row = await m.db.leg.create({
      data: {
        workspaceId: ws.workspaceId,
        meetingId: meeting.id,
        participantId: participants.get(l.participantId!)!,
        direction: "outbound",
        attempt: l.attempt,
        idempotencyKey: `${meeting.id}:${l.id}`,
        callId,
        state: "dialling",
        ratePerMinuteMinor: 300,
        createdAt: new Date(l.createdAt),
      },
    });
    legIds.set(l.id, row.id);
    callIds.set(l.id, callId);
  }
  const local: RosterEvent[] = [];
  const deliveries: Delivery[] = [];
  const base = `/api/sautikit/${ws.workspaceId}`;
  for (const e of scenario) {
    const eventId = `${tag}-${e.key}`;
    const ts = new Date(e.at).toISOString();
    const callId = e.legId ? callIds.get(e.legId)! : undefined;
    if (e.kind === "dial.accepted") continue; // legs are created with their call ids
    if (e.kind === "control.kick") {
      local.push({ ...e, legId: legIds.get(e.legId!)! });
      continue;
    }
    if (e.kind.startsWith("room.")) {
      const event = e.kind.slice(5);
      const form = new URLSearchParams({
        ConferenceName: meeting.roomName,
        conference_name: meeting.roomName,
        StatusCallbackEvent: statusCallbackEventNames[event as keyof typeof statusCallbackEventNames],
        event,
        EventId: eventId,
        Timestamp: ts,
        SequenceNumber: String(e.seq),
        participants: "1",
      });
      if (callId) {
        const muted = e.kind === "room.join" ? Boolean(e.muted) : e.kind === "room.mute";
        for (const [k, v] of Object.entries({
          CallId: callId,
          call_id: callId,
          session_id: `HD_${callId}`,
          participant_id: callId,
          caller: "+254712000010",
          muted: String(muted),
        }))
          form.set(k, v);
      }
      deliveries.push({
        path: `${base}/conference/events`,
        body: form.toString(),
        contentType: "application/x-www-form-urlencoded",
      });
      continue;
    }
    const data: Record<string, unknown> = {
      call_id: callId,
      session_id: `HD_${callId}`,
      pbx_call_id: `HD_${callId}`,
      direction: "outbound",
      from: "+254709000200",
      to: "+254712000010",
      number_id: "n1",
    };
    let kind: string;
    if (e.kind === "call.ringing") kind = "call.started";
    else if (e.kind === "call.answered") {
      Object.assign(data, { answered_at: ts });
      kind = "call.answered";
    } else if (e.kind === "call.ended" && e.outcome === "completed") {
      kind = "call.completed";
      Object.assign(data, {
        status: "completed",
        duration_seconds: e.durationSeconds ?? 0,
        cost_minor: e.costMinor ?? 0,
        ended_at: ts,
        hangup_cause: "normal_clearing",
      });
    } else if (e.kind === "call.ended") {
      kind = "call.failed";
      Object.assign(data, { status: "failed", call_status: e.outcome, failure_reason: e.outcome, ended_at: ts });
    } else throw new Error(`unmapped ${e.kind}`);
    const body = JSON.stringify({ kind, event_id: eventId, workspace_id: "emu", occurred_at: ts, data });
    deliveries.push({ path: `${base}/call-events`, body, contentType: "application/json" });
  }
  return { meetingId: meeting.id, deliveries, local };
}

async function deliver(list: Delivery[], concurrency: number) {
  let next = 0;
  const statuses: number[] = [];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < list.length) {
        const d = list[next++]!;
        const res = await postSigned(`${app.url}${d.path}`, d.body, d.contentType, ws.secret);
        statuses.push(res.status);
        await res.text();
      }
    }),
  );
  return statuses;
}

/** Everything a person sees in the roster, with ids replaced by stable names. */
async function snapshot(meetingId: string) {
  const r = await m.buildRoster(meetingId);
  return {
    status: r.meeting.status,
    startedAt: r.meeting.startedAt,
    endedAt: r.meeting.endedAt,
    // Participants created in the same millisecond tie on createdAt; compare people by name.
    people: [...r.people]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((p) => ({
        name: p.name,
        state: p.state,
        endReason: p.endReason,
        muted: p.muted,
        legs: p.legs.map(({ id: _id, participantId: _p, callId: _c, ...rest }) => rest),
      })),
  };
}

describe("roster under duplicate and shuffled delivery (real routes)", () => {
  it(
    "ends in the same state for in-order, duplicated and 4 shuffled concurrent deliveries",
    { timeout: 180_000 },
    async () => {
      const ordered = await prepareMeeting("ordered");
      for (const e of ordered.local)
        await m.db.$transaction((tx) => m.recordRosterEvents(tx, ws.workspaceId, ordered.meetingId, [e]));
      const statuses = await deliver(ordered.deliveries, 1);
      expect(statuses.every((s) => s === 200)).toBe(true);
      const reference = await snapshot(ordered.meetingId);

      // Sanity: the reference is the meeting we meant, not an empty roster.
      expect(reference.status).toBe("ended");
      const byName = Object.fromEntries(reference.people.map((p) => [p.name, p]));
      expect(byName.busy).toMatchObject({ state: "left", endReason: "busy" });
      expect(byName.kick).toMatchObject({ state: "left", endReason: "kicked" });
      expect(byName.amina).toMatchObject({ state: "left", endReason: "meeting_ended", muted: true });
      expect(byName.juma?.legs).toHaveLength(2);

      const dup = await prepareMeeting("dup");
      await deliver([...dup.deliveries.flatMap((d) => [d, d]), ...dup.deliveries], 1);
      for (const e of dup.local)
        await m.db.$transaction((tx) => m.recordRosterEvents(tx, ws.workspaceId, dup.meetingId, [e, e]));
      expect(await snapshot(dup.meetingId)).toEqual(reference);

      for (const seed of [1, 2, 3, 4]) {
        const s = await prepareMeeting(`shuffled-${seed}`);
        const r = rng(seed * 31);
        const withDupes = s.deliveries.flatMap((d) => (r() < 0.3 ? [d, d] : [d]));
        // Local facts land at a random point too.
        const order = shuffle(withDupes, seed);
        const cut = Math.floor(r() * order.length);
        await deliver(order.slice(0, cut), 3);
        for (const e of s.local)
          await m.db.$transaction((tx) => m.recordRosterEvents(tx, ws.workspaceId, s.meetingId, [e]));
        const codes = await deliver(order.slice(cut), 3);
        expect(codes.every((c) => c === 200)).toBe(true);
        expect({ seed, ...(await snapshot(s.meetingId)) }).toEqual({ seed, ...reference });
      }
    },
  );
});

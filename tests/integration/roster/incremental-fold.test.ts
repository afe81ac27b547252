// The incremental fold on a real database (embedded or PostgreSQL): random meetings and fact sets,
// stored in random batches (some concurrently, some several meetings at once) through
// recordRosterFacts and recordLockedFacts, must leave every Leg row and the Meeting row as
// reduceRoster over all stored facts says. This checks the SQL side of the
// fold (which legs and facts are read, the one-statement insert) that the unit property cannot.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { LegInfo, RosterEvent } from "@/lib/roster/roster-event";
import type { ParticipantRole } from "@/lib/shared/meeting-schemas";
import type { LegView } from "@/lib/shared/roster-types";
import { batches, caseArb } from "@/tests/unit/roster/fact-arbitraries";
import { appFixture } from "../support/app-fixture";
import { createWorkspace, insertParticipants, meetingInput } from "../meetings/support";

const app = appFixture({
  modules: () => [
    import("@/lib/roster/recompute-roster"),
    import("@/lib/roster/write-roster"),
    import("@/lib/roster/reduce-roster"),
    import("@/lib/roster/stored-event"),
  ],
});
const m = app.lib;
let ws: Awaited<ReturnType<typeof createWorkspace>>;

beforeAll(async () => {
  ws = await createWorkspace(m.db);
});

/** A meeting whose legs are the generated ones (one participant each, with the leg's role). */
async function createMeeting(legs: LegInfo[], endOnHostExit: boolean) {
  const meeting = await m.scheduleMeeting(ws.actor, meetingInput({ title: "Fold", endOnHostExit, capacity: 50 }));
  const at = { workspaceId: ws.workspaceId, meetingId: meeting.id };
  // One participant per leg, named after it.
  const participants = await insertParticipants(
    m.db,
    at,
    legs.map((l) => ({ name: l.id, role: l.role })),
    "+2547130000",
  );
  const ids = new Map<string, string>();
  for (const l of legs) {
    const row = await m.db.leg.create({
      data: {
        ...at,
        participantId: participants.get(l.id)!,
        direction: l.direction,
        attempt: l.attempt,
        callId: l.callId ? `${meeting.id}-${l.callId}` : null,
        ratePerMinuteMinor: l.ratePerMinuteMinor,
        createdAt: new Date(l.createdAt),
      },
    });
    ids.set(l.id, row.id);
  }
  // The fold keeps rows equal to the reduction if they start equal to it: the app creates a leg in
  // the state its facts give it, or folds a fact for it in the same transaction.
  await m.db.$transaction((tx) => m.recomputeRoster(tx, meeting.id));
  return { meetingId: meeting.id, ids };
}

const ms = (d: Date | null) => d?.getTime() ?? null;

/** The columns the fold writes, as a row holds them or as the reduction derives them. */
const foldedColumns = (v: LegView) => ({
  id: v.id,
  state: v.state,
  endReason: v.endReason,
  muted: v.muted,
  muteSeq: v.muteSeq,
  lastSeq: v.lastSeq,
  ringingAt: v.ringingAt,
  answeredAt: v.answeredAt,
  waitingAt: v.waitingAt,
  joinedAt: v.joinedAt,
  endedAt: v.endedAt,
  durationSeconds: v.durationSeconds,
  costMinor: v.costMinor,
});

/** Leg and meeting rows, next to what reduceRoster over every stored fact derives for them. */
async function compare(meetingId: string, endOnHostExit: boolean) {
  const legs = await m.db.leg.findMany({
    where: { meetingId },
    include: { participant: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const facts = (await m.db.rosterEvent.findMany({ where: { meetingId } })).map(m.fromRow);
  // The oracle starts from the call id the leg was created with, which facts do not change.
  const full = m.reduceRoster(legs.map(m.toLegInfo), facts, { endOnHostExit });
  const stored = legs.map((l) => foldedColumns(m.toLegView(l)));
  const derived = full.legs.map(foldedColumns);
  const meeting = await m.db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
  const room = full.room;
  return {
    stored: { legs: stored, status: meeting.status, startedAt: ms(meeting.startedAt), endedAt: ms(meeting.endedAt) },
    derived: {
      legs: derived,
      status: room.ended ? "ended" : room.started ? "live" : "scheduled",
      startedAt: room.startedAt,
      endedAt: room.ended ? room.endedAt : null,
    },
  };
}

/** The generated fact with real leg ids, and call ids unique across meetings (Leg.callId is unique). */
function onDb(legIds: Map<string, string>, e: RosterEvent): RosterEvent {
  const legId = e.legId ? (legIds.get(e.legId) ?? e.legId) : e.legId;
  return e.kind === "dial.accepted" ? { ...e, legId, callId: `${legId}-${e.callId}` } : { ...e, legId };
}

describe("incremental roster fold on the database", () => {
  it(
    "stores exactly what reduceRoster over all facts derives, for random facts and batchings",
    { timeout: 240_000 },
    async () => {
      const cases = fc.sample(caseArb, { numRuns: 16, seed: 8 });
      for (const [n, c] of cases.entries()) {
        const { meetingId, ids } = await createMeeting(c.legs, c.endOnHostExit);
        const parts = batches(c.facts, c.sizes, c.resend).map((b) => b.map((e) => onDb(ids, e)));
        const record = (batch: RosterEvent[]) =>
          m.db.$transaction((tx) => m.recordRosterFacts(tx, ws.workspaceId, meetingId, batch));
        if (n % 3 === 2) {
          // Concurrent deliveries: the meeting lock serialises them in some order.
          await Promise.all(parts.map(record));
        } else {
          for (const [b, batch] of parts.entries()) {
            await record(batch);
            // Checking after every batch catches a fold that is only right once everything arrived.
            if (b % 4 === 3) {
              const { stored, derived } = await compare(meetingId, c.endOnHostExit);
              expect({ n, b, ...stored }).toEqual({ n, b, ...derived });
            }
          }
        }
        const { stored, derived } = await compare(meetingId, c.endOnHostExit);
        expect({ n, ...stored }).toEqual({ n, ...derived });
      }
    },
  );

  it(
    "folds several meetings in one call (shared statements) exactly as each alone, a stray leg id changing nothing",
    { timeout: 240_000 },
    async () => {
      const cases = fc.sample(caseArb, { numRuns: 6, seed: 21 });
      const meetings: {
        meetingId: string;
        ids: Map<string, string>;
        c: (typeof cases)[number];
        parts: RosterEvent[][];
      }[] = [];
      for (const c of cases) {
        const { meetingId, ids } = await createMeeting(c.legs, c.endOnHostExit);
        meetings.push({
          meetingId,
          ids,
          c,
          parts: batches(c.facts, c.sizes, c.resend).map((b) => b.map((e) => onDb(ids, e))),
        });
      }
      const rounds = Math.max(...meetings.map((x) => x.parts.length));
      for (let b = 0; b < rounds; b++) {
        await m.db.$transaction(async (tx) => {
          const locked = await m.lockAndReadMeetings(
            tx,
            meetings.map((x) => x.meetingId),
          );
          await m.recordLockedFacts(
            tx,
            meetings.map((x, i) => {
              // A fact naming the next meeting's leg: this meeting has no such leg, so nothing changes.
              const next = [...meetings[(i + 1) % meetings.length]!.ids.values()][0];
              const stray: RosterEvent[] = next
                ? [{ key: `stray-${b}-${i}`, kind: "room.mute", legId: next, seq: 1_000_000 + b, at: Date.now() }]
                : [];
              return {
                workspaceId: ws.workspaceId,
                meeting: locked.get(x.meetingId)!,
                events: [...(x.parts[b] ?? []), ...stray],
              };
            }),
          );
        });
      }
      for (const [n, x] of meetings.entries()) {
        const { stored, derived } = await compare(x.meetingId, x.c.endOnHostExit);
        expect({ n, ...stored }).toEqual({ n, ...derived });
      }
    },
  );

  it("reports the new facts and the legs that changed", async () => {
    const legs: LegInfo[] = ["host", "participant", "participant"].map((role, i) => ({
      id: `L${i}`,
      participantId: null,
      role: role as ParticipantRole,
      direction: "outbound",
      attempt: 1,
      callId: `C${i}`,
      fromE164: null,
      toE164: null,
      ratePerMinuteMinor: 300,
      createdAt: Date.now(),
    }));
    const { meetingId, ids } = await createMeeting(legs, true);
    const [host, a, b] = ["L0", "L1", "L2"].map((k) => ids.get(k)!);
    const record = (facts: RosterEvent[]) =>
      m.db.$transaction((tx) => m.recordRosterFacts(tx, ws.workspaceId, meetingId, facts));
    const now = Date.now();

    const joined = await record([
      { key: "s", kind: "room.start", seq: 1, at: now },
      ...[host!, a!, b!].map((legId, i): RosterEvent => ({
        key: `j${i}`,
        kind: "room.join",
        legId,
        seq: 2 + i,
        at: now,
        muted: false,
      })),
    ]);
    expect(joined).toMatchObject({ added: 4, roomChanged: true });
    expect(new Set(joined.changedLegIds)).toEqual(new Set([host, a, b]));

    const muted = await record([
      { key: "m", kind: "room.mute", legId: a!, seq: 9, at: now + 1 },
      { key: "m", kind: "room.unmute", legId: a!, seq: 10, at: now + 1 },
      { key: "j0", kind: "room.join", legId: b!, seq: 2, at: now },
    ]);
    expect(muted).toEqual({ added: 1, changedLegIds: [a], roomChanged: false });
    expect(await m.db.leg.findUniqueOrThrow({ where: { id: a } })).toMatchObject({ muted: true, muteSeq: 9n });

    // A fact that changes nothing visible (a later ringing) is stored but writes no row.
    expect(await record([{ key: "r", kind: "call.ringing", legId: b!, at: now + 5 }])).toEqual({
      added: 1,
      changedLegIds: [b],
      roomChanged: false,
    });
    expect(await record([{ key: "r2", kind: "call.ringing", legId: b!, at: now + 9 }])).toEqual({
      added: 1,
      changedLegIds: [],
      roomChanged: false,
    });
    expect(await record([{ key: "r2", kind: "call.ringing", legId: b!, at: now + 9 }])).toEqual({
      added: 0,
      changedLegIds: [],
      roomChanged: false,
    });
  });
});

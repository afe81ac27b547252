// The roster batch across many meetings (ADR 0024): one transaction whose statements do not grow
// with the number of meetings. What must still hold: one bad event among many meetings fails alone
// and every other event is applied; writers locking overlapping sets of meetings in different
// orders queue instead of deadlocking; nothing is lost and nothing applied twice. The batch runs as
// plain SQL on one pooled connection (sqlTransaction); a batch that needs a step only Prisma runs
// is rolled back and run again in a Prisma transaction, and a failing statement rolls it all back.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnyTx } from "@/lib/db";
import type { RosterEvent } from "@/lib/roster/roster-event";
import { appFixture } from "../support/app-fixture";
import { createWorkspace, meetingInput } from "../meetings/support";

const app = appFixture({
  modules: () => [
    import("@/lib/roster/roster-batch"),
    import("@/lib/roster/recompute-roster"),
    import("@/lib/db/group-commit"),
    import("@/lib/db"),
  ],
});
const m = app.lib;
let ws: Awaited<ReturnType<typeof createWorkspace>>;

type Live = { id: string; room: string; legs: { id: string; callId: string }[] };

beforeAll(async () => {
  ws = await createWorkspace(m.db);
});

/** Meetings whose legs have all joined the room (the room started), as the bench seeds them. */
async function liveMeetings(count: number, legs: number, workspace = ws): Promise<Live[]> {
  const out: Live[] = [];
  for (let i = 0; i < count; i++) {
    const meeting = await m.scheduleMeeting(workspace.actor, meetingInput({ waitForHost: false, capacity: 50 }));
    const { roomName } = await m.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    const rows: Live["legs"] = [];
    for (let j = 0; j < legs; j++) {
      const callId = `batch-${randomUUID()}`;
      const leg = await m.db.leg.create({
        data: { workspaceId: workspace.workspaceId, meetingId: meeting.id, direction: "outbound", callId },
      });
      rows.push({ id: leg.id, callId });
    }
    const at = Date.now();
    await m.db.$transaction((tx) =>
      m.recordRosterFacts(tx, workspace.workspaceId, meeting.id, [
        { kind: "room.start", key: `start-${meeting.id}`, at, seq: 1 },
        ...rows.map((l, j): RosterEvent => ({ kind: "room.join", key: `join-${l.id}`, legId: l.id, at, seq: 2 + j })),
      ]),
    );
    out.push({ id: meeting.id, room: roomName, legs: rows });
  }
  return out;
}

/** A conference mute event for a leg, as roster work (what applyConferenceEvent submits). */
const muteWork = (meeting: Live, leg: { callId: string }, key: string, seq: number) => ({
  workspaceId: ws.workspaceId,
  roomName: meeting.room,
  leg: { callId: leg.callId, createForCaller: {} },
  fact: (legId: string | null): RosterEvent => ({ key, kind: "room.mute", legId, at: Date.now(), seq }),
});

const factCount = (meetingIds: string[]) => m.db.rosterEvent.count({ where: { meetingId: { in: meetingIds } } });

describe("roster batch over many meetings", { timeout: 120_000 }, () => {
  it("applies a batch of twelve meetings in one go; one bad event fails alone, the others apply once", async () => {
    const meetings = await liveMeetings(12, 4);
    const other = await createWorkspace(m.db);
    const [foreign] = await liveMeetings(1, 1, other);
    const before = await factCount(meetings.map((x) => x.id));
    const good = meetings.flatMap((meeting, mi) =>
      meeting.legs.map((leg, li) => ({ meeting, leg, work: muteWork(meeting, leg, `mute-${leg.id}`, 100 + li + mi) })),
    );
    // An unknown caller whose call id is another workspace's leg: creating its leg violates the
    // unique call id, so the batch's transaction fails and its meeting's events are retried.
    const poison = {
      workspaceId: ws.workspaceId,
      roomName: meetings[5]!.room,
      leg: { callId: foreign!.legs[0]!.callId, createForCaller: { caller: "+254799000002" } },
      fact: (legId: string | null): RosterEvent => ({ key: "poison", kind: "room.join", legId, at: Date.now() }),
    };
    const stats = () => m.groupCommitStats()["roster-apply"] ?? { batches: 0, items: 0, largest: 0, ms: 0 };
    const start = stats();
    // Submitted on one turn of the event loop: they form one batch.
    const works = [...good.slice(0, 20).map((g) => g.work), poison, ...good.slice(20).map((g) => g.work)];
    const settled = await Promise.allSettled(works.map((w) => m.applyRosterWork(w)));
    expect(stats().batches - start.batches).toBe(1);
    expect(stats().items - start.items).toBe(works.length);

    expect(settled[20]!.status).toBe("rejected");
    const others = settled.filter((_, i) => i !== 20);
    expect(others.map((s) => (s.status === "fulfilled" ? s.value.applied : s.reason))).toEqual(others.map(() => true));
    expect(await factCount(meetings.map((x) => x.id))).toBe(before + good.length);
    const legs = await m.db.leg.findMany({ where: { meetingId: { in: meetings.map((x) => x.id) } } });
    expect(legs).toHaveLength(good.length); // the poison's leg was rolled back
    expect(legs.every((l) => l.muted && l.state === "in_call")).toBe(true);
    const poisoned = await m.db.meeting.findUniqueOrThrow({ where: { id: meetings[5]!.id } });
    expect(poisoned.status).toBe("live");
  });

  it("writers locking overlapping meetings in opposite orders queue, lose nothing and double nothing", async () => {
    const meetings = await liveMeetings(8, 3);
    const ids = meetings.map((x) => x.id);
    const before = await factCount(ids);
    const rounds = 6;
    // Each writer takes a different window of the meetings, half of them listed backwards; every
    // fact is sent by two writers (a redelivery racing its original).
    const writers = Array.from({ length: rounds * 2 }, (_, w) => {
      const round = Math.floor(w / 2);
      const window = meetings.slice(round % 3, (round % 3) + 6);
      const ordered = w % 2 === 0 ? window : [...window].reverse();
      return ordered.map((meeting) => ({
        meeting,
        events: meeting.legs.map((leg, li): RosterEvent => ({
          key: `r${round}-${leg.id}`,
          kind: round % 2 === 0 ? "room.mute" : "room.unmute",
          legId: leg.id,
          at: Date.now(),
          seq: 1_000 + round * 10 + li,
        })),
      }));
    });
    const write = async (tx: AnyTx, batch: (typeof writers)[number]) => {
      const locked = await m.lockAndReadMeetings(
        tx,
        batch.map((b) => b.meeting.id),
      );
      return m.recordLockedFacts(
        tx,
        batch.map((b) => ({ workspaceId: ws.workspaceId, meeting: locked.get(b.meeting.id)!, events: b.events })),
      );
    };
    // Writers on both kinds of transaction at once (the roster batch's plain SQL one, Prisma's for
    // every other roster writer) take the same locks in the same order.
    const results = await Promise.allSettled(
      writers.map((batch, w) =>
        w % 3 === 0
          ? m.db.$transaction((tx) => write(tx, batch), { maxWait: 60_000, timeout: 60_000 })
          : m.sqlTransaction((tx) => write(tx, batch)),
      ),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const added = results.flatMap((r) => (r.status === "fulfilled" ? r.value.map((o) => o.added) : []));
    const distinct = new Set(writers.flat().flatMap((b) => b.events.map((e) => `${b.meeting.id} ${e.key}`)));
    // Each fact was stored by exactly one of the two writers that sent it.
    expect(added.reduce((a, b) => a + b, 0)).toBe(distinct.size);
    expect(await factCount(ids)).toBe(before + distinct.size);
    // The last round (an unmute) wins on every leg it reached.
    const last = meetings.slice((rounds - 1) % 3, ((rounds - 1) % 3) + 6);
    const legs = await m.db.leg.findMany({ where: { meetingId: { in: last.map((x) => x.id) } } });
    expect(legs.every((l) => !l.muted && Number(l.muteSeq) >= 1_000 + (rounds - 1) * 10)).toBe(true);
  });
  it("a batch needing a new leg runs again in a Prisma transaction: the plain SQL attempt leaves nothing", async () => {
    const meetings = await liveMeetings(3, 3);
    const before = await factCount(meetings.map((x) => x.id));
    const mutes = meetings.flatMap((meeting, mi) =>
      meeting.legs.map((leg, li) => muteWork(meeting, leg, `needs-${leg.id}`, 200 + mi * 10 + li)),
    );
    // A caller the app never dialled joins meetings[1]: creating their leg is Prisma's step.
    const callId = `walk-in-${randomUUID()}`;
    const walkIn = {
      workspaceId: ws.workspaceId,
      roomName: meetings[1]!.room,
      leg: { callId, createForCaller: { caller: "+254799000003" } },
      fact: (legId: string | null): RosterEvent => ({
        key: `join-${callId}`,
        kind: "room.join",
        legId,
        at: Date.now(),
      }),
    };
    const works = [...mutes.slice(0, 4), walkIn, ...mutes.slice(4)];
    const settled = await Promise.all(works.map((w) => m.applyRosterWork(w)));
    expect(settled.map((r) => r.applied)).toEqual(works.map(() => true));
    expect(await factCount(meetings.map((x) => x.id))).toBe(before + works.length);
    const created = await m.db.leg.findMany({ where: { callId } });
    expect(created).toHaveLength(1);
    expect(created[0]!.meetingId).toBe(meetings[1]!.id);
    const legs = await m.db.leg.findMany({ where: { id: { in: meetings.flatMap((x) => x.legs.map((l) => l.id)) } } });
    expect(legs.every((l) => l.muted)).toBe(true);
  });

  it("a statement failing mid-batch rolls the whole batch back; the fallback applies each good event once", async () => {
    const meetings = await liveMeetings(4, 3);
    const before = await factCount(meetings.map((x) => x.id));
    const good = meetings.flatMap((meeting, mi) =>
      meeting.legs.map((leg, li) => muteWork(meeting, leg, `mid-${leg.id}`, 300 + mi * 10 + li)),
    );
    // Valid until the database stores it: jsonb refuses \u0000, so the batch's INSERT of facts (after
    // its lock statement) fails and takes every other meeting's facts with it.
    const target = meetings[2]!;
    const bad = {
      ...muteWork(target, target.legs[0]!, "unstorable", 399),
      fact: (legId: string | null) =>
        ({ key: "unstorable", kind: "room.mute", legId, at: Date.now(), seq: 399, note: "\u0000" }) as RosterEvent,
    };
    const works = [...good.slice(0, 7), bad, ...good.slice(7)];
    const settled = await Promise.allSettled(works.map((w) => m.applyRosterWork(w)));
    expect(settled[7]!.status).toBe("rejected");
    const others = settled.filter((_, i) => i !== 7);
    expect(others.map((s) => (s.status === "fulfilled" ? s.value.applied : s.reason))).toEqual(others.map(() => true));
    expect(await factCount(meetings.map((x) => x.id))).toBe(before + good.length);
    const legs = await m.db.leg.findMany({ where: { meetingId: { in: meetings.map((x) => x.id) } } });
    expect(legs.every((l) => l.muted)).toBe(true);
    // Redelivered, the good events change nothing: each was applied exactly once.
    const again = await Promise.all(good.map((w) => m.applyRosterWork(w)));
    expect(again.map((r) => r.applied)).toEqual(good.map(() => false));
    expect(await factCount(meetings.map((x) => x.id))).toBe(before + good.length);
  });
});

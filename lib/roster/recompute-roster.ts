import "server-only";
import { randomUUID } from "node:crypto";
import { isSqlTx, prismaTx, txRows, utcTimestampText, type AnyTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { groupBy } from "@/lib/shared/group-by";
import { armEmptyRoomGuard, mayBeAlone } from "@/lib/call-control/arm-empty-room-guard";
import { foldNewFacts, type FoldSource } from "@/lib/roster/fold-new-facts";
import { ROOM_LEVEL_KINDS } from "@/lib/roster/fold-scope";
import { reduceRoster, type RosterState } from "@/lib/roster/reduce-roster";
import type { RosterEvent } from "@/lib/roster/roster-event";
import { fromRow, toRowData } from "@/lib/roster/stored-event";
import {
  legChanges,
  legRowSelect,
  toLegInfo,
  updateLegs,
  writeLegViews,
  writeRoomView,
  type LegRow,
  type MeetingRoomRow,
} from "@/lib/roster/write-roster";

type Tx = Prisma.TransactionClient;
export type LockedMeeting = MeetingRoomRow & { endOnHostExit: boolean; workspaceId: string };

/** Serialises roster writes per meeting: concurrent webhooks for one meeting apply one at a time. */
export async function lockMeeting(tx: Tx, meetingId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Meeting" WHERE id = ${meetingId} FOR UPDATE`;
}

// The locks and the read of what the fold needs from each meeting, in one statement. Rows are
// locked in id order (the sort runs below the row locks), so two writers locking overlapping sets
// of meetings queue rather than deadlock.
const LOCK_MEETINGS_SQL = `
  SELECT id, "workspaceId", status, "startedAt", "endedAt", "endOnHostExit" FROM "Meeting"
  WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`;

/** Locks the meetings and reads them; a meeting that is gone fails the whole call (NOT_FOUND). */
export async function lockAndReadMeetings(tx: AnyTx, meetingIds: string[]): Promise<Map<string, LockedMeeting>> {
  const rows = await txRows<LockedMeeting>(tx, LOCK_MEETINGS_SQL, [[...new Set(meetingIds)]]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  if (meetingIds.some((id) => !byId.has(id))) throw new AppError("NOT_FOUND", "meetingGone");
  return byId;
}

async function lockAndReadMeeting(tx: Tx, meetingId: string): Promise<LockedMeeting> {
  return (await lockAndReadMeetings(tx, [meetingId])).get(meetingId)!;
}

export type RecordOutcome = {
  /** How many of the facts were new (a fact already stored, by key, is ignored). */
  added: number;
  /** Legs whose stored state changed. */
  changedLegIds: string[];
  /** The meeting's status or start/end time changed. */
  roomChanged: boolean;
};

/** Stores facts (a fact already stored is ignored) and folds the new ones into the roster; true when any was new. */
export async function recordRosterEvents(
  tx: Tx,
  workspaceId: string,
  meetingId: string,
  events: RosterEvent[],
): Promise<boolean> {
  return (await recordRosterFacts(tx, workspaceId, meetingId, events)).added > 0;
}

/**
 * recordRosterEvents with the details: which legs changed. Only the legs the new facts name are
 * re-derived (with the room-level facts and, when the host's exit ends the meeting, the host legs);
 * a room-level fact or such a host's leave re-derives the whole meeting. Either way the stored state
 * equals reduceRoster over the meeting's whole set of facts (lib/roster/fold-scope.ts).
 */
export async function recordRosterFacts(
  tx: Tx,
  workspaceId: string,
  meetingId: string,
  events: RosterEvent[],
): Promise<RecordOutcome> {
  const meeting = await lockAndReadMeeting(tx, meetingId);
  return (await recordLockedFacts(tx, [{ workspaceId, meeting, events }]))[0]!;
}

/** One meeting's share of a batch: the meeting as locked by this transaction, and its facts. */
export type MeetingFacts = { workspaceId: string; meeting: LockedMeeting; events: RosterEvent[] };

/**
 * recordRosterFacts for several meetings at once, all already locked by `tx` (lockAndReadMeetings).
 * `tx` may be a plain SQL transaction (sqlTransaction, the roster batch's): what only Prisma runs —
 * a fold over a whole meeting, a changed meeting row, arming the empty-room guard for a caller who
 * may be alone — then throws NeedsPrismaError and the caller runs the batch again in a Prisma
 * transaction.
 * The statements do not grow with the number of meetings (ADR 0024): one INSERT for every
 * meeting's facts, one read of the legs and one of the facts the folds need (lib/roster/fold-new-facts.ts
 * runs per meeting; its reads are gathered across meetings), one UPDATE of every changed leg. Only
 * what is rare goes meeting by meeting: a fold over a whole meeting (a room-level fact), a changed
 * meeting row, and the empty-room guard after someone entered or left.
 */
export async function recordLockedFacts(tx: AnyTx, batch: MeetingFacts[]): Promise<RecordOutcome[]> {
  const rows: FactRow[] = [];
  for (const { workspaceId, meeting, events } of batch) {
    // The first of several facts sharing a key wins, as it did when they were stored one by one.
    const byKey = new Map<string, RosterEvent>();
    for (const e of events) if (!byKey.has(e.key)) byKey.set(e.key, e);
    for (const e of byKey.values()) rows.push({ workspaceId, meetingId: meeting.id, ...toRowData(e) });
  }
  const added = groupBy(rows.length ? await insertFacts(tx, rows) : [], (a) => a.meetingId);
  const src = gatheredFactSource(tx);
  const folds = await Promise.all(
    batch.map(({ meeting }) => {
      const mine = added.get(meeting.id);
      return mine ? foldNewFacts(src(meeting.id), toLegInfo, mine, { endOnHostExit: meeting.endOnHostExit }) : null;
    }),
  );
  const changes = folds.map((f) => (f && f.scope !== "none" ? legChanges(f.legs, f.state.legs) : []));
  await updateLegs(tx, changes.flat());
  const out: RecordOutcome[] = [];
  for (const [i, { meeting }] of batch.entries()) {
    const count = added.get(meeting.id)?.length ?? 0;
    const fold = folds[i];
    if (!fold || fold.scope === "none") {
      out.push({ added: count, changedLegIds: [], roomChanged: false });
      continue;
    }
    const changedLegIds = changes[i]!.map((c) => c.id);
    out.push({ added: count, ...(await afterLegs(tx, meeting, fold.legs, fold.state, changedLegIds)) });
  }
  return out;
}

type FactRow = ReturnType<typeof toRowData> & { workspaceId: string; meetingId: string };

// Every meeting's new facts in one statement; RETURNING yields only the rows actually inserted,
// i.e. the new facts. Ids and createdAt are the app's, as Prisma's own defaults would have made them.
const INSERT_FACTS_SQL = `
  INSERT INTO "RosterEvent" (id, "workspaceId", "meetingId", "legId", key, kind, seq, at, data, "createdAt")
  SELECT u.*, $10::timestamp(3) FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
    $7::text[]::bigint[], $8::text[]::timestamp(3)[], $9::text[]::jsonb[]) AS u
  ON CONFLICT ("meetingId", key) DO NOTHING
  RETURNING "meetingId", kind, "legId"`;

async function insertFacts(tx: AnyTx, rows: FactRow[]) {
  return txRows<{ meetingId: string; kind: string; legId: string | null }>(tx, INSERT_FACTS_SQL, [
    rows.map(() => randomUUID()),
    rows.map((r) => r.workspaceId),
    rows.map((r) => r.meetingId),
    rows.map((r) => r.legId),
    rows.map((r) => r.key),
    rows.map((r) => r.kind),
    rows.map((r) => (r.seq === null ? null : String(r.seq))),
    rows.map((r) => utcTimestampText(r.at)),
    rows.map((r) => JSON.stringify(r.data)),
    utcTimestampText(new Date()),
  ]);
}

/** Rebuilds every leg's state and the meeting's status from the whole stored set of facts. */
export async function recomputeRoster(tx: Tx, meetingId: string): Promise<void> {
  const meeting = await lockAndReadMeeting(tx, meetingId);
  const legs = await allLegs(tx, meetingId);
  const state = reduceRoster(legs.map(toLegInfo), await allFacts(tx, meetingId), {
    endOnHostExit: meeting.endOnHostExit,
  });
  await afterLegs(tx, meeting, legs, state, await writeLegViews(tx, legs, state.legs));
}

const factSelect = {
  key: true,
  kind: true,
  legId: true,
  seq: true,
  at: true,
  data: true,
} satisfies Prisma.RosterEventSelect;

// A fold over a whole meeting is rare (a room-level fact): it stays Prisma's (prismaTx).
const allLegs = (tx: AnyTx, meetingId: string) =>
  prismaTx(tx).leg.findMany({ where: { meetingId }, select: legRowSelect });
const allFacts = async (tx: AnyTx, meetingId: string) =>
  (await prismaTx(tx).rosterEvent.findMany({ where: { meetingId }, select: factSelect })).map(fromRow);

const LEG_COLUMNS = Object.keys(legRowSelect)
  .filter((k) => k !== "participant")
  .map((k) => `l."${k}"`)
  .join(", ");

// FoldSource.legs for many meetings: $1/$2 pair each touched leg with its meeting; $3 the meetings
// whose host legs are wanted (the listed hosts, and callers let in with the host PIN, who may be on
// no list at all). Each branch is an index lookup, so the cost does not grow with the rooms.
const LEGS_SQL = `
  SELECT l."meetingId" AS "forMeeting", false AS "asHost", ${LEG_COLUMNS}, p.role
    FROM unnest($1::text[], $2::text[]) AS t(m, id) JOIN "Leg" l ON l.id = t.id AND l."meetingId" = t.m
    LEFT JOIN "Participant" p ON p.id = l."participantId"
  UNION ALL
  SELECT l."meetingId", true, ${LEG_COLUMNS}, p.role FROM "Participant" p JOIN "Leg" l ON l."participantId" = p.id
    WHERE p."meetingId" = ANY($3::text[]) AND p.role = 'host' AND l."meetingId" = p."meetingId"
  UNION ALL
  SELECT l."meetingId", true, ${LEG_COLUMNS}, p.role FROM "Leg" l LEFT JOIN "Participant" p ON p.id = l."participantId"
    WHERE l."meetingId" = ANY($3::text[]) AND l."admittedRole" = 'host'`;

// FoldSource.factsFor for many meetings: isNeededFor() in SQL — the facts naming each (meeting,
// leg) pair, served by the (meetingId, legId) index, and the room-level facts ($3) of each meeting
// ($4), served by (meetingId, kind); a room-level fact naming a leg comes from the second branch only.
const FACTS_SQL = `
  SELECT e."meetingId" AS "forMeeting", e.key, e.kind, e."legId", e.seq, e.at, e.data
    FROM unnest($1::text[], $2::text[]) AS t(m, leg) JOIN "RosterEvent" e ON e."meetingId" = t.m AND e."legId" = t.leg
    WHERE e.kind <> ALL($3::text[])
  UNION ALL
  SELECT e."meetingId", e.key, e.kind, e."legId", e.seq, e.at, e.data FROM "RosterEvent" e
    WHERE e."meetingId" = ANY($4::text[]) AND e.kind = ANY($3::text[])`;

type LegAsk = { meetingId: string; ids: string[]; withHosts: boolean };
type FactAsk = { meetingId: string; ids: string[] };
type RawLeg = Omit<LegRow, "participant"> & { forMeeting: string; asHost: boolean; role: string | null };
type RawFact = Parameters<typeof fromRow>[0] & { forMeeting: string };

/**
 * foldNewFacts' reads for the meetings of one batch. The folds run side by side, and each asks
 * for its legs, then for their facts, on the same turn of the event loop as the others: the asks
 * of one turn are answered by one statement (legs) or one (facts) for all meetings together.
 * A fold over a whole meeting (rare) reads that meeting alone.
 */
function gatheredFactSource(tx: AnyTx): (meetingId: string) => FoldSource<LegRow> {
  const legs = gathered<LegAsk, LegRow[]>(async (asks) => {
    const rows = await txRows<RawLeg>(tx, LEGS_SQL, [
      ...pairColumns(asks),
      asks.filter((a) => a.withHosts).map((a) => a.meetingId),
    ]);
    const byMeeting = groupBy(rows, (r) => r.forMeeting);
    return asks.map((a) => {
      const byId = new Map<string, LegRow>();
      for (const { forMeeting: _, asHost, role, ...leg } of byMeeting.get(a.meetingId) ?? [])
        if ((!asHost || a.withHosts) && !byId.has(leg.id))
          byId.set(leg.id, { ...leg, participant: role === null ? null : { role } });
      return [...byId.values()];
    });
  });
  const facts = gathered<FactAsk, RosterEvent[]>(async (asks) => {
    const rows = await txRows<RawFact>(tx, FACTS_SQL, [
      ...pairColumns(asks),
      [...ROOM_LEVEL_KINDS],
      asks.map((a) => a.meetingId),
    ]);
    const byMeeting = groupBy(rows, (r) => r.forMeeting);
    return asks.map((a) => (byMeeting.get(a.meetingId) ?? []).map(fromRow));
  });
  return (meetingId) => ({
    legs: (ids, withHosts) => legs({ meetingId, ids, withHosts }),
    allLegs: () => allLegs(tx, meetingId),
    factsFor: (ids) => facts({ meetingId, ids }),
    allFacts: () => allFacts(tx, meetingId),
  });
}

/** The asks' (meeting, leg id) pairs as two columns, for unnest. */
function pairColumns(asks: { meetingId: string; ids: string[] }[]): [string[], string[]] {
  const pairs = asks.flatMap((a) => a.ids.map((id) => [a.meetingId, id] as const));
  return [pairs.map(([m]) => m), pairs.map(([, id]) => id)];
}

/** Calls made on one turn of the event loop, answered together by one `run` (one result per call, in order). */
function gathered<A, R>(run: (asks: A[]) => Promise<R[]>): (ask: A) => Promise<R> {
  let waiting: { ask: A; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  return (ask) =>
    new Promise<R>((resolve, reject) => {
      // setImmediate: every fold's continuation (microtasks) has asked by then.
      if (waiting.length === 0)
        setImmediate(() => {
          const now = waiting;
          waiting = [];
          run(now.map((w) => w.ask)).then(
            (results) => now.forEach((w, i) => w.resolve(results[i]!)),
            (error: unknown) => now.forEach((w) => w.reject(error)),
          );
        });
      waiting.push({ ask, resolve, reject });
    });
}

/** After the legs are written: the meeting row, and the empty-room guard when someone moved. */
async function afterLegs(
  tx: AnyTx,
  meeting: LockedMeeting,
  legs: LegRow[],
  state: RosterState,
  changedLegIds: string[],
) {
  const roomChanged = await writeRoomView(tx, meeting, state.room);
  // Someone entered or left the room (or when they did moved): perhaps one caller now has it to
  // themselves (ADR 0021). A change that moves nobody — a mute, a raised hand — cannot, and skips
  // the guard's reads: mutes are most of a busy room's events.
  const before = new Map(legs.map((l) => [l.id, l]));
  const moved = (v: RosterState["legs"][number]) => {
    const row = before.get(v.id);
    return (
      !row ||
      row.state !== v.state ||
      (row.joinedAt?.getTime() ?? null) !== v.joinedAt ||
      (row.endedAt?.getTime() ?? null) !== v.endedAt
    );
  };
  const changed = new Set(changedLegIds);
  // In a plain SQL transaction a cheap read first: only a lone caller needs Prisma's guard.
  if (
    state.legs.some((l) => changed.has(l.id) && (l.state === "in_call" || l.state === "left") && moved(l)) &&
    (!isSqlTx(tx) || (await mayBeAlone(tx, meeting.workspaceId, meeting.id)))
  )
    await armEmptyRoomGuard(prismaTx(tx), meeting.workspaceId, meeting.id);
  return { changedLegIds, roomChanged };
}

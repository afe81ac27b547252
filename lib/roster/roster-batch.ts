import "server-only";
import { db, NeedsPrismaError, prismaTx, sqlRows, sqlTransaction, type AnyTx } from "@/lib/db";
import { parseDatabaseUrl } from "@/lib/db/runtime";
import { env } from "@/lib/env";
import { matchLeg } from "@/lib/roster/find-leg";
import { groupBy } from "@/lib/shared/group-by";
import { lockAndReadMeetings, recordLockedFacts, type MeetingFacts } from "@/lib/roster/recompute-roster";
import { notifyRosterChanged } from "@/lib/roster/roster-bus";
import type { RosterEvent } from "@/lib/roster/roster-event";
import { groupCommit, oneByOne, type Settled } from "@/lib/db/group-commit";

// Group commit for roster facts from webhooks (ADR 0003, "Group commit"): the conference and call
// events that arrive together are resolved to their meetings and legs with a few queries, and all
// their meetings' facts are stored in ONE transaction with a fixed handful of statements (one lock
// statement, one insert, one read of legs and one of facts for the folds, one leg update; ADR 0024)
// instead of one transaction per event. If that transaction fails, the meetings are applied one by
// one, and a failing meeting's events one by one, so one bad event fails alone and the others apply.
// Each transaction is plain SQL on one connection of the adapter's pool (sqlTransaction: Prisma's
// client runtime was the largest share of ingest's CPU); one that needs a step only Prisma runs (a
// new leg, a meeting starting or ending, the empty-room guard for a caller who may be alone) is
// rolled back and run again in a Prisma transaction.

/** One event's contribution to a roster, before its meeting and leg are known. */
export type RosterWork = {
  workspaceId: string;
  /** The room a conference event names (the app generated it); without one, the meeting is the leg's. */
  roomName?: string;
  /** How the event names its leg; absent for room-level facts (start, end). */
  leg?: {
    callId?: string;
    clientRequestId?: string;
    /** A caller the app has no leg for (dialled in another way): create one to keep them visible. */
    createForCaller?: { caller?: string };
  };
  fact(legId: string | null): RosterEvent;
};

export type RosterWorkResult = { applied: boolean; reason?: string; meetingId?: string };

/** Facts per batch: enough to amortise the round trips, small enough to keep a batch well under a second. */
const MAX_BATCH = 400;

// Two batches in flight on PostgreSQL: the next one is read and locked while the previous commits
// (their meetings are locked in the same id order, so they queue rather than deadlock). In-process
// with 50 concurrent requests over 20 meetings: 216 → 389 events/s. The embedded database has
// one connection, so a second batch would only wait.
const batcher = groupCommit<RosterWork, RosterWorkResult>(applyBatch, {
  name: "roster-apply",
  maxBatch: MAX_BATCH,
  concurrency: () => (embedded() ? 1 : 2),
});
const embedded = () => parseDatabaseUrl(env().DATABASE_URL).kind === "pglite";

/** Records one event's fact, together with whatever else arrived meanwhile; resolves once committed. */
export function applyRosterWork(work: RosterWork): Promise<RosterWorkResult> {
  return batcher.submit(work);
}

type Located = { work: RosterWork; index: number; meetingId: string };

async function applyBatch(works: RosterWork[]): Promise<Settled<RosterWorkResult>[]> {
  let known: KnownLegs;
  const results: Settled<RosterWorkResult>[] = new Array(works.length);
  let located: Located[];
  try {
    ({ located, legs: known } = await locate(works, results));
  } catch (error) {
    // The reads that every event needs failed (the database is unreachable): each fails, Sautikit retries.
    return works.map(() => ({ ok: false as const, error }));
  }

  await applyGroups([...groupBy(located, (l) => l.meetingId)], results, known);
  return results;
}

type Group = [meetingId: string, located: Located[]];

/** A batch transaction may hold many meetings; give it longer than Prisma's 5 s default before falling back. */
const BATCH_TX = { maxWait: 10_000, timeout: 20_000 };

/** Meetings' events in one transaction: plain SQL first; Prisma's when a rare step needs it. */
async function inTransaction(groups: Group[], known: KnownLegs): Promise<RosterWorkResult[][]> {
  try {
    return await sqlTransaction((tx) => inMeetings(tx, groups, known));
  } catch (error) {
    if (!(error instanceof NeedsPrismaError)) throw error;
    return db.$transaction((tx) => inMeetings(tx, groups, known), BATCH_TX);
  }
}

/**
 * All of a batch's meetings in ONE transaction, whose statements do not grow with the number of
 * meetings (recordLockedFacts); if it fails, meeting by meeting; then event by event.
 */
async function applyGroups(groups: Group[], results: Settled<RosterWorkResult>[], known: KnownLegs): Promise<void> {
  let outs: Array<Settled<RosterWorkResult>[]> | null = null;
  if (groups.length > 0 && groups.every(([, g]) => oneWorkspace(g))) {
    try {
      outs = (await inTransaction(groups, known)).map(ok);
    } catch {
      outs = null;
    }
  }
  outs ??= await Promise.all(
    groups.map(([meetingId, g]) =>
      groups.length > 1 ? applyMeeting(meetingId, g, known) : eventByEvent(meetingId, g, known),
    ),
  );
  groups.forEach(([meetingId, g], gi) => {
    g.forEach((l, i) => (results[l.index] = outs![gi]![i]!));
    if (outs![gi]!.some((s) => s.ok && s.value.applied)) notifyRosterChanged(meetingId);
  });
}

async function applyMeeting(meetingId: string, g: Located[], known: KnownLegs): Promise<Settled<RosterWorkResult>[]> {
  if (g.length > 1 && oneWorkspace(g)) {
    try {
      return ok((await inTransaction([[meetingId, g]], known))[0]!);
    } catch {
      // Fall through: find the event that fails.
    }
  }
  return eventByEvent(meetingId, g, known);
}

function eventByEvent(meetingId: string, g: Located[], known: KnownLegs): Promise<Settled<RosterWorkResult>[]> {
  return oneByOne(g, async (l) => (await inTransaction([[meetingId, [l]]], known))[0]![0]!);
}

/** Meetings belong to one workspace: a group naming two is forged or broken, so its events go one by one. */
const oneWorkspace = (g: Located[]) => g.every((l) => l.work.workspaceId === g[0]!.work.workspaceId);

const ok = <T>(values: T[]): Settled<T>[] => values.map((value) => ({ ok: true as const, value }));

/** The legs the batch's events name, by meeting (one read for the whole batch: locate). */
type KnownLegs = Map<string, LegRef[]>;

type LegRef = {
  id: string;
  workspaceId: string;
  meetingId: string;
  callId: string | null;
  idempotencyKey: string | null;
};

// The batch's locating reads in one statement on the adapter's pool: meetings by (workspace, room)
// and legs by (workspace, call id) and (workspace, idempotency key), each branch a unique-index
// lookup, never crossing workspaces.
const LOCATE_SQL = `
  SELECT 'meeting' AS what, m.id, m."workspaceId", m."roomName", NULL::text AS "meetingId", NULL::text AS "callId",
      NULL::text AS "idempotencyKey"
    FROM unnest($1::text[], $2::text[]) AS r(w, room) JOIN "Meeting" m ON m."roomName" = r.room AND m."workspaceId" = r.w
  UNION ALL
  SELECT 'leg', l.id, l."workspaceId", NULL, l."meetingId", l."callId", l."idempotencyKey"
    FROM unnest($3::text[], $4::text[]) AS c(w, call) JOIN "Leg" l ON l."callId" = c.call AND l."workspaceId" = c.w
  UNION ALL
  SELECT 'leg', l.id, l."workspaceId", NULL, l."meetingId", l."callId", l."idempotencyKey"
    FROM unnest($5::text[], $6::text[]) AS k(w, key) JOIN "Leg" l ON l."idempotencyKey" = k.key AND l."workspaceId" = k.w`;
type LocateRow = LegRef & { what: "meeting" | "leg"; roomName: string | null };

/** Distinct (workspace, value) pairs as two columns, for unnest. */
function pairs(entries: Iterable<[workspaceId: string, value: string | undefined]>): [string[], string[]] {
  const seen = new Set<string>();
  const out: [string[], string[]] = [[], []];
  for (const [w, v] of entries) {
    if (!v || seen.has(`${w} ${v}`)) continue;
    seen.add(`${w} ${v}`);
    out[0].push(w);
    out[1].push(v);
  }
  return out;
}

/**
 * Finds each event's meeting (by room name for conference events, through the leg for call events)
 * and reads every leg the batch names, with one statement for the whole batch.
 */
async function locate(
  works: RosterWork[],
  results: Settled<RosterWorkResult>[],
): Promise<{ located: Located[]; legs: KnownLegs }> {
  const named = works.filter((w) => w.leg);
  const rows =
    works.length === 0
      ? []
      : await sqlRows<LocateRow>(LOCATE_SQL, [
          ...pairs(works.map((w) => [w.workspaceId, w.roomName])),
          ...pairs(named.map((w) => [w.workspaceId, w.leg!.callId])),
          ...pairs(named.map((w) => [w.workspaceId, w.leg!.clientRequestId])),
        ]);
  const meetings = new Map<string, string>();
  const legs = new Map<string, LegRef>();
  const byCall = new Map<string, LegRef>();
  const byKey = new Map<string, LegRef>();
  for (const { what, roomName, ...ref } of rows) {
    if (what === "meeting") {
      meetings.set(`${ref.workspaceId} ${roomName}`, ref.id);
      continue;
    }
    if (legs.has(ref.id)) continue;
    legs.set(ref.id, ref);
    if (ref.callId) byCall.set(`${ref.workspaceId} ${ref.callId}`, ref);
    if (ref.idempotencyKey) byKey.set(`${ref.workspaceId} ${ref.idempotencyKey}`, ref);
  }
  const located: Located[] = [];
  works.forEach((work, index) => {
    if (work.roomName !== undefined) {
      const meetingId = meetings.get(`${work.workspaceId} ${work.roomName}`);
      if (meetingId) located.push({ work, index, meetingId });
      else results[index] = { ok: true, value: { applied: false, reason: "unknown room" } };
      return;
    }
    const { callId, clientRequestId } = work.leg ?? {};
    // The (at most two) legs these ids name in this workspace; matchLeg applies the rule between them.
    const candidates = [
      callId ? byCall.get(`${work.workspaceId} ${callId}`) : undefined,
      clientRequestId ? byKey.get(`${work.workspaceId} ${clientRequestId}`) : undefined,
    ].filter((l): l is LegRef => l !== undefined);
    const leg = matchLeg(candidates, callId, clientRequestId);
    if (leg) located.push({ work, index, meetingId: leg.meetingId });
    else results[index] = { ok: true, value: { applied: false, reason: "unknown call" } };
  });
  return { located, legs: groupBy(legs.values(), (l) => l.meetingId) };
}

/**
 * Meetings' events inside `tx`: lock every meeting (one statement, in id order: two batches on two
 * instances never wait on each other's locks in opposite orders), match legs (creating inbound
 * ones), then store every meeting's facts and fold them together (recordLockedFacts).
 * `known` is the batch's leg read; copied here, since a rolled-back attempt must not leave its
 * created legs or call ids behind for the retry.
 */
async function inMeetings(tx: AnyTx, groups: Group[], known: KnownLegs): Promise<RosterWorkResult[][]> {
  // Every roster writer takes the meeting lock before writing a leg (a leg first, then the
  // meeting, deadlocks against a writer that does it the other way round).
  const meetings = await lockAndReadMeetings(
    tx,
    groups.map(([meetingId]) => meetingId),
  );
  const batch: MeetingFacts[] = [];
  const recorded: boolean[][] = [];
  for (const [meetingId, g] of groups) {
    const workspaceId = g[0]!.work.workspaceId;
    const { facts, matched } = await factsOf(
      tx,
      workspaceId,
      meetingId,
      g.map((l) => l.work),
      known,
    );
    batch.push({ workspaceId, meeting: meetings.get(meetingId)!, events: facts });
    recorded.push(matched);
  }
  const outcomes = await recordLockedFacts(tx, batch);
  return groups.map(([meetingId], gi) => {
    const applied = outcomes[gi]!.added > 0;
    return recorded[gi]!.map((r) =>
      r ? { applied, meetingId } : { applied: false, reason: "unknown leg", meetingId },
    );
  });
}

/** One meeting's events as facts, each naming its leg (created for an unknown caller); `matched` per event. */
async function factsOf(
  tx: AnyTx,
  workspaceId: string,
  meetingId: string,
  works: RosterWork[],
  known: KnownLegs,
): Promise<{ facts: RosterEvent[]; matched: boolean[] }> {
  const legs = (known.get(meetingId) ?? []).filter((l) => l.workspaceId === workspaceId).map((l) => ({ ...l }));
  const facts: RosterEvent[] = [];
  const matched: boolean[] = [];
  for (const w of works) {
    if (!w.leg) {
      facts.push(w.fact(null));
      matched.push(true);
      continue;
    }
    const { callId, clientRequestId, createForCaller } = w.leg;
    let leg = matchLeg(legs, callId, clientRequestId);
    if (!leg && callId && createForCaller) {
      const caller = createForCaller.caller;
      // Rare (a caller the app did not dial or answer): Prisma's transaction (prismaTx).
      const ptx = prismaTx(tx);
      const participant = caller
        ? await ptx.participant.findFirst({ where: { meetingId, phoneE164: caller }, select: { id: true } })
        : null;
      leg = await ptx.leg.create({
        data: {
          workspaceId,
          meetingId,
          participantId: participant?.id ?? null,
          callId,
          direction: "inbound",
          state: "answered",
          fromE164: caller ?? null,
        },
        select: { id: true, workspaceId: true, meetingId: true, callId: true, idempotencyKey: true },
      });
      legs.push(leg);
    }
    if (!leg) {
      matched.push(false);
      continue;
    }
    if (!leg.callId && callId) {
      await prismaTx(tx).leg.update({ where: { id: leg.id }, data: { callId } });
      leg.callId = callId;
    }
    facts.push(w.fact(leg.id));
    matched.push(true);
  }
  return { facts, matched };
}

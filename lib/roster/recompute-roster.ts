import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { armEmptyRoomGuard } from "@/lib/call-control/arm-empty-room-guard";
import { foldNewFacts, type FoldSource } from "@/lib/roster/fold-new-facts";
import { ROOM_LEVEL_KINDS } from "@/lib/roster/fold-scope";
import { reduceRoster, type RosterState } from "@/lib/roster/reduce-roster";
import type { RosterEvent } from "@/lib/roster/roster-event";
import { fromRow, toRowData } from "@/lib/roster/stored-event";
import {
  legRowSelect,
  toLegInfo,
  writeLegViews,
  writeRoomView,
  type LegRow,
  type MeetingRoomRow,
} from "@/lib/roster/write-roster";

type Tx = Prisma.TransactionClient;
type LockedMeeting = MeetingRoomRow & { endOnHostExit: boolean; workspaceId: string };

/** Serialises roster writes per meeting: concurrent webhooks for one meeting apply one at a time. */
export async function lockMeeting(tx: Tx, meetingId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Meeting" WHERE id = ${meetingId} FOR UPDATE`;
}

// The lock and the read of what the fold needs from the meeting, in one statement.
async function lockAndReadMeeting(tx: Tx, meetingId: string): Promise<LockedMeeting> {
  const rows = await tx.$queryRaw<LockedMeeting[]>`
    SELECT id, "workspaceId", status, "startedAt", "endedAt", "endOnHostExit" FROM "Meeting" WHERE id = ${meetingId} FOR UPDATE`;
  if (!rows[0]) throw new AppError("NOT_FOUND", "meetingGone");
  return rows[0];
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
  const none: RecordOutcome = { added: 0, changedLegIds: [], roomChanged: false };
  // The first of several facts sharing a key wins, as it did when they were stored one by one.
  const byKey = new Map<string, RosterEvent>();
  for (const e of events) if (!byKey.has(e.key)) byKey.set(e.key, e);
  if (byKey.size === 0) return none;
  // One statement; RETURNING yields only the rows actually inserted, i.e. the new facts.
  const added = await tx.rosterEvent.createManyAndReturn({
    data: [...byKey.values()].map((e) => ({ workspaceId, meetingId, ...toRowData(e) })),
    skipDuplicates: true,
    select: { kind: true, legId: true },
  });
  if (added.length === 0) return none;

  const fold = await foldNewFacts(factSource(tx, meetingId), toLegInfo, added, {
    endOnHostExit: meeting.endOnHostExit,
  });
  if (fold.scope === "none") return { ...none, added: added.length };
  return { added: added.length, ...(await write(tx, meeting, fold.legs, fold.state)) };
}

/** Rebuilds every leg's state and the meeting's status from the whole stored set of facts. */
export async function recomputeRoster(tx: Tx, meetingId: string): Promise<void> {
  const meeting = await lockAndReadMeeting(tx, meetingId);
  const src = factSource(tx, meetingId);
  const legs = await src.allLegs();
  await write(
    tx,
    meeting,
    legs,
    reduceRoster(legs.map(toLegInfo), await src.allFacts(), { endOnHostExit: meeting.endOnHostExit }),
  );
}

const factSelect = {
  key: true,
  kind: true,
  legId: true,
  seq: true,
  at: true,
  data: true,
} satisfies Prisma.RosterEventSelect;

const legColumns = Prisma.raw(
  Object.keys(legRowSelect)
    .filter((k) => k !== "participant")
    .map((k) => `l."${k}"`)
    .join(", "),
);

// foldNewFacts' reads as Prisma queries; factsFor is isNeededFor() in SQL, served by the
// (meetingId, legId) and (meetingId, kind) indexes.
function factSource(tx: Tx, meetingId: string): FoldSource<LegRow> {
  return {
    // One statement, the participant's role joined (a relation select takes two). Each branch is
    // an index lookup — the touched legs by id, the hosts by (meetingId, role) then participantId —
    // so the cost does not grow with the room (an OR across the join would scan every leg).
    legs: async (ids, withHosts) => {
      const touched = ids.length
        ? Prisma.sql`SELECT ${legColumns}, p.role FROM "Leg" l LEFT JOIN "Participant" p ON p.id = l."participantId"
            WHERE l."meetingId" = ${meetingId} AND l.id IN (${Prisma.join(ids)})`
        : null;
      const hosts = withHosts
        ? Prisma.sql`SELECT ${legColumns}, p.role FROM "Participant" p JOIN "Leg" l ON l."participantId" = p.id
            WHERE p."meetingId" = ${meetingId} AND p.role = 'host' AND l."meetingId" = ${meetingId}`
        : null;
      // Callers let in with the host PIN are hosts too (they may be on no list at all).
      const pinHosts = withHosts
        ? Prisma.sql`SELECT ${legColumns}, p.role FROM "Leg" l LEFT JOIN "Participant" p ON p.id = l."participantId"
            WHERE l."meetingId" = ${meetingId} AND l."admittedRole" = 'host'`
        : null;
      const parts = [touched, hosts, pinHosts].filter((q) => q !== null);
      if (parts.length === 0) return [];
      const rows = await tx.$queryRaw<
        (Omit<LegRow, "participant"> & { role: string | null })[]
      >`${Prisma.join(parts, " UNION ALL ")}`;
      const byId = new Map(
        rows.map(({ role, ...leg }) => [leg.id, { ...leg, participant: role === null ? null : { role } }]),
      );
      return [...byId.values()];
    },
    allLegs: () => tx.leg.findMany({ where: { meetingId }, select: legRowSelect }),
    factsFor: async (legIds) =>
      (
        await tx.rosterEvent.findMany({
          where: { meetingId, OR: [{ legId: { in: legIds } }, { kind: { in: [...ROOM_LEVEL_KINDS] } }] },
          select: factSelect,
        })
      ).map(fromRow),
    allFacts: async () => (await tx.rosterEvent.findMany({ where: { meetingId }, select: factSelect })).map(fromRow),
  };
}

async function write(tx: Tx, meeting: LockedMeeting, legs: LegRow[], state: RosterState) {
  const changedLegIds = await writeLegViews(tx, legs, state.legs);
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
  if (state.legs.some((l) => changed.has(l.id) && (l.state === "in_call" || l.state === "left") && moved(l)))
    await armEmptyRoomGuard(tx, meeting.workspaceId, meeting.id);
  return { changedLegIds, roomChanged };
}

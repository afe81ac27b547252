import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { reduceRoster } from "@/lib/roster/reduce-roster";
import { fromRow, toRowData } from "@/lib/roster/stored-event";
import type { LegInfo, RosterEvent } from "@/lib/roster/roster-event";
import type { ParticipantRole } from "@/lib/shared/meeting-schemas";
import { scheduleNextOccurrence } from "@/lib/meetings/schedule-next-occurrence";

type Tx = Prisma.TransactionClient;

/** Serialises roster writes per meeting: concurrent webhooks for one meeting apply one at a time. */
export async function lockMeeting(tx: Tx, meetingId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Meeting" WHERE id = ${meetingId} FOR UPDATE`;
}

/** Stores facts (a fact already stored is ignored) and recomputes the meeting's roster. */
export async function recordRosterEvents(tx: Tx, workspaceId: string, meetingId: string, events: RosterEvent[]): Promise<boolean> {
  await lockMeeting(tx, meetingId);
  let added = 0;
  for (const e of events) {
    const res = await tx.rosterEvent.createMany({
      data: [{ workspaceId, meetingId, ...toRowData(e) }],
      skipDuplicates: true,
    });
    added += res.count;
  }
  if (added > 0) await recomputeRoster(tx, meetingId);
  return added > 0;
}

/**
 * Rebuilds every leg's state and the meeting's status from the stored set of facts. Because the
 * reducer is order-independent, the result is the same however the facts arrived.
 */
export async function recomputeRoster(tx: Tx, meetingId: string): Promise<void> {
  const meeting = await tx.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: { id: true, status: true, endOnHostExit: true, startedAt: true, endedAt: true },
  });
  const legs = await tx.leg.findMany({ where: { meetingId }, include: { participant: { select: { role: true } } } });
  const rows = await tx.rosterEvent.findMany({ where: { meetingId } });

  const infos: LegInfo[] = legs.map((l) => ({
    id: l.id,
    participantId: l.participantId,
    role: (l.participant?.role ?? "participant") as ParticipantRole,
    direction: l.direction === "inbound" ? "inbound" : "outbound",
    attempt: l.attempt,
    callId: l.callId,
    fromE164: l.fromE164,
    toE164: l.toE164,
    ratePerMinuteMinor: l.ratePerMinuteMinor,
    createdAt: l.createdAt.getTime(),
  }));
  const state = reduceRoster(infos, rows.map(fromRow), { endOnHostExit: meeting.endOnHostExit });

  const date = (ms: number | null) => (ms === null ? null : new Date(ms));
  for (const view of state.legs) {
    const row = legs.find((l) => l.id === view.id)!;
    const next = {
      state: view.state,
      endReason: view.endReason,
      muted: view.muted,
      muteSeq: BigInt(view.muteSeq),
      lastSeq: BigInt(view.lastSeq),
      callId: row.callId ?? view.callId,
      ringingAt: date(view.ringingAt),
      answeredAt: date(view.answeredAt),
      waitingAt: date(view.waitingAt),
      joinedAt: date(view.joinedAt),
      endedAt: date(view.endedAt),
      durationSeconds: view.durationSeconds,
      costMinor: view.costMinor,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).some((k) => {
      const a = next[k];
      const b = row[k];
      return a instanceof Date || b instanceof Date ? (a as Date | null)?.getTime() !== (b as Date | null)?.getTime() : a !== b;
    });
    if (changed) await tx.leg.update({ where: { id: row.id }, data: next });
  }

  if (meeting.status !== "cancelled") {
    const status = state.room.ended ? "ended" : state.room.started ? "live" : meeting.status;
    const startedAt = date(state.room.startedAt) ?? meeting.startedAt;
    const endedAt = state.room.ended ? date(state.room.endedAt) : null;
    if (status !== meeting.status || startedAt?.getTime() !== meeting.startedAt?.getTime() || endedAt?.getTime() !== meeting.endedAt?.getTime()) {
      await tx.meeting.update({ where: { id: meetingId }, data: { status, startedAt, endedAt } });
      if (status === "ended" && meeting.status !== "ended") await scheduleNextOccurrence(tx, meetingId);
    }
  }
}

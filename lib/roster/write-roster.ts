import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RoomView } from "@/lib/roster/reduce-roster";
import type { LegInfo } from "@/lib/roster/roster-event";
import type { ParticipantRole } from "@/lib/shared/meeting-schemas";
import { legPurpose, type LeftReason, type LegState, type LegView } from "@/lib/shared/roster-types";
import { scheduleNextOccurrence } from "@/lib/meetings/schedule-next-occurrence";
import { armHardStop } from "@/lib/call-control/schedule-hard-stop";

// Derived roster state → Leg and Meeting rows. Only rows whose derived columns differ are written,
// so a fact that changes nothing visible costs no update.

type Tx = Prisma.TransactionClient;

export const legRowSelect = {
  id: true,
  participantId: true,
  direction: true,
  attempt: true,
  purpose: true,
  callId: true,
  fromE164: true,
  toE164: true,
  ratePerMinuteMinor: true,
  createdAt: true,
  state: true,
  endReason: true,
  muted: true,
  muteSeq: true,
  lastSeq: true,
  ringingAt: true,
  answeredAt: true,
  waitingAt: true,
  joinedAt: true,
  endedAt: true,
  durationSeconds: true,
  costMinor: true,
  handRaisedAt: true,
  onFloor: true,
  admittedRole: true,
  participant: { select: { role: true } },
} satisfies Prisma.LegSelect;

export type LegRow = Prisma.LegGetPayload<{ select: typeof legRowSelect }>;

export type MeetingRoomRow = { id: string; status: string; startedAt: Date | null; endedAt: Date | null };

export function toLegInfo(l: LegRow): LegInfo {
  return {
    id: l.id,
    participantId: l.participantId,
    // The role the caller was let in with (the host PIN) wins over the listed one.
    role: (l.admittedRole ?? l.participant?.role ?? "participant") as ParticipantRole,
    direction: l.direction === "inbound" ? "inbound" : "outbound",
    attempt: l.attempt,
    purpose: legPurpose(l.purpose),
    callId: l.callId,
    fromE164: l.fromE164,
    toE164: l.toE164,
    ratePerMinuteMinor: l.ratePerMinuteMinor,
    createdAt: l.createdAt.getTime(),
  };
}

const ms = (d: Date | null) => (d ? d.getTime() : null);
const date = (ms: number | null) => (ms === null ? null : new Date(ms));

/** A Leg row as the view the fold derives (the inverse of writeLegViews), so the two compare field by field. */
export function toLegView(l: LegRow): LegView {
  return {
    ...toLegInfo(l),
    purpose: legPurpose(l.purpose),
    state: l.state as LegState,
    endReason: (l.endReason ?? null) as LeftReason | null,
    muted: l.muted,
    muteSeq: Number(l.muteSeq),
    lastSeq: Number(l.lastSeq),
    ringingAt: ms(l.ringingAt),
    answeredAt: ms(l.answeredAt),
    waitingAt: ms(l.waitingAt),
    joinedAt: ms(l.joinedAt),
    endedAt: ms(l.endedAt),
    durationSeconds: l.durationSeconds,
    costMinor: l.costMinor,
    handRaisedAt: ms(l.handRaisedAt),
    onFloor: l.onFloor,
  };
}

/** Writes the views whose derived columns differ from their rows; returns the ids written. */
export async function writeLegViews(tx: Tx, rows: LegRow[], views: LegView[]): Promise<string[]> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const changedIds: string[] = [];
  for (const view of views) {
    const row = byId.get(view.id);
    if (!row) continue;
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
      handRaisedAt: date(view.handRaisedAt),
      onFloor: view.onFloor,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).some((k) => {
      const a = next[k];
      const b = row[k];
      return a instanceof Date || b instanceof Date
        ? (a as Date | null)?.getTime() !== (b as Date | null)?.getTime()
        : a !== b;
    });
    if (!changed) continue;
    await tx.leg.update({ where: { id: row.id }, data: next });
    changedIds.push(row.id);
  }
  return changedIds;
}

/** Writes the meeting's status and start/end times derived from the room facts; true when it changed. */
export async function writeRoomView(tx: Tx, meeting: MeetingRoomRow, room: RoomView): Promise<boolean> {
  if (meeting.status === "cancelled") return false;
  const status = room.ended ? "ended" : room.started ? "live" : meeting.status;
  const startedAt = date(room.startedAt) ?? meeting.startedAt;
  const endedAt = room.ended ? date(room.endedAt) : null;
  const same =
    status === meeting.status &&
    startedAt?.getTime() === meeting.startedAt?.getTime() &&
    endedAt?.getTime() === meeting.endedAt?.getTime();
  if (same) return false;
  await tx.meeting.update({ where: { id: meeting.id }, data: { status, startedAt, endedAt } });
  if (status === "ended" && meeting.status !== "ended") await scheduleNextOccurrence(tx, meeting.id);
  // The room is on (or its start moved): the hard stop counts from here (ADR 0021).
  if (status === "live" && startedAt?.getTime() !== meeting.startedAt?.getTime()) await armHardStop(tx, meeting.id);
  return true;
}

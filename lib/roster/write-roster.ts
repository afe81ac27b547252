import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prismaTx, txRows, utcTimestampText, type AnyTx } from "@/lib/db";
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
  const changed = legChanges(rows, views);
  await updateLegs(tx, changed);
  return changed.map((c) => c.id);
}

/** A leg's derived columns as they are to be written. */
export type LegChange = LegColumns & { id: string };

/** The views whose derived columns differ from their rows, as the columns to write (nothing is written). */
export function legChanges(rows: LegRow[], views: LegView[]): LegChange[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const changed: LegChange[] = [];
  for (const view of views) {
    const row = byId.get(view.id);
    if (!row) continue;
    const next: LegColumns = {
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
    const differs = (Object.keys(next) as (keyof LegColumns)[]).some((k) => {
      const a = next[k];
      const b = row[k];
      return a instanceof Date || b instanceof Date
        ? (a as Date | null)?.getTime() !== (b as Date | null)?.getTime()
        : a !== b;
    });
    if (differs) changed.push({ id: row.id, ...next });
  }
  return changed;
}

type LegColumns = {
  state: string;
  endReason: string | null;
  muted: boolean;
  muteSeq: bigint;
  lastSeq: bigint;
  callId: string | null;
  ringingAt: Date | null;
  answeredAt: Date | null;
  waitingAt: Date | null;
  joinedAt: Date | null;
  endedAt: Date | null;
  durationSeconds: number | null;
  costMinor: number | null;
  handRaisedAt: Date | null;
  onFloor: boolean;
};

// Every changed leg of a batch in ONE statement (an UPDATE … FROM unnest of one array per column),
// not one Prisma update per leg: a busy room's batch changes a leg per event, and each update cost
// Prisma's query compiler and serialiser a round of CPU (ADR 0024). Runs inside the caller's
// transaction, after its meeting locks; one statement serves every meeting of a roster batch. Prisma's @updatedAt is set here as Prisma would set it.
const LEG_COLUMNS: [keyof LegColumns, string][] = [
  ["state", "text"],
  ["endReason", "text"],
  ["muted", "boolean"],
  ["muteSeq", "bigint"],
  ["lastSeq", "bigint"],
  ["callId", "text"],
  ["ringingAt", "timestamp(3)"],
  ["answeredAt", "timestamp(3)"],
  ["waitingAt", "timestamp(3)"],
  ["joinedAt", "timestamp(3)"],
  ["endedAt", "timestamp(3)"],
  ["durationSeconds", "integer"],
  ["costMinor", "integer"],
  ["handRaisedAt", "timestamp(3)"],
  ["onFloor", "boolean"],
];
// Arrays travel as text[] (each driver sends those alike) and are cast to the column's type here.
const UPDATE_LEGS_SQL = `
  UPDATE "Leg" AS l SET ${LEG_COLUMNS.map(([c]) => `"${c}" = v."${c}"`).join(", ")}, "updatedAt" = $${LEG_COLUMNS.length + 2}::timestamp(3)
  FROM unnest($1::text[], ${LEG_COLUMNS.map(([, type], i) => `$${i + 2}::text[]::${type}[]`).join(", ")})
    AS v(id, ${LEG_COLUMNS.map(([c]) => `"${c}"`).join(", ")})
  WHERE l.id = v.id`;

/** A value as the text PostgreSQL reads back as the column's type (timestamps are UTC, as Prisma writes them). */
function asText(value: LegColumns[keyof LegColumns]): string | null {
  if (value === null) return null;
  if (value instanceof Date) return utcTimestampText(value);
  return String(value);
}

/** Writes the changed legs (of any meetings already locked by this transaction) in one statement. */
export async function updateLegs(tx: AnyTx, legs: LegChange[]): Promise<void> {
  if (legs.length === 0) return;
  await txRows(tx, UPDATE_LEGS_SQL, [
    legs.map((l) => l.id),
    ...LEG_COLUMNS.map(([c]) => legs.map((l) => asText(l[c]))),
    asText(new Date()),
  ]);
}

/** Writes the meeting's status and start/end times derived from the room facts; true when it changed. */
export async function writeRoomView(anyTx: AnyTx, meeting: MeetingRoomRow, room: RoomView): Promise<boolean> {
  if (meeting.status === "cancelled") return false;
  const status = room.ended ? "ended" : room.started ? "live" : meeting.status;
  const startedAt = date(room.startedAt) ?? meeting.startedAt;
  const endedAt = room.ended ? date(room.endedAt) : null;
  const same =
    status === meeting.status &&
    startedAt?.getTime() === meeting.startedAt?.getTime() &&
    endedAt?.getTime() === meeting.endedAt?.getTime();
  if (same) return false;
  // Rare (a room starting or ending): a plain SQL transaction hands this to Prisma's (prismaTx).
  const tx = prismaTx(anyTx);
  await tx.meeting.update({ where: { id: meeting.id }, data: { status, startedAt, endedAt } });
  if (status === "ended" && meeting.status !== "ended") await scheduleNextOccurrence(tx, meeting.id);
  // The room is on (or its start moved): the hard stop counts from here (ADR 0021).
  if (status === "live" && startedAt?.getTime() !== meeting.startedAt?.getTime()) await armHardStop(tx, meeting.id);
  return true;
}

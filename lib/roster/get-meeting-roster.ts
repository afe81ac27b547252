import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { findMeetingForActor } from "@/lib/meetings/meeting-scope";
import { derivePeople } from "@/lib/roster/derive-people";
import { toLegView } from "@/lib/roster/write-roster";
import type { LegView, RosterSnapshot } from "@/lib/shared/roster-types";
import type { ParticipantRole } from "@/lib/shared/meeting-schemas";
import { formatPhone } from "@/lib/shared/phone";
import { forViewer } from "@/lib/privacy/phone-visibility";
import { stopFor } from "@/lib/call-control/schedule-hard-stop";
import { canExtend } from "@/lib/shared/meeting-limits";
import { isModerationMode } from "@/lib/shared/phone-keys";
import type { Locale } from "@/lib/i18n/locales";
import { dialErrorOf, sayDialErrors } from "@/lib/roster/say-dial-errors";

export type { RosterSnapshot } from "@/lib/shared/roster-types";

const ms = (d: Date | null) => (d ? d.getTime() : null);

/**
 * The live roster as this actor sees it, in their language: explicit fields only, never raw rows;
 * numbers masked where they may not see them.
 */
export async function getMeetingRoster(actor: Actor, meetingId: string, locale: Locale): Promise<RosterSnapshot> {
  const meeting = await findMeetingForActor(actor, meetingId);
  return forViewer(actor, sayDialErrors(await buildRoster(meeting.id), locale));
}

export async function buildRoster(meetingId: string): Promise<RosterSnapshot> {
  const [meeting, participants, legs] = await Promise.all([
    db.meeting.findUniqueOrThrow({ where: { id: meetingId }, include: { workspace: true } }),
    db.participant.findMany({ where: { meetingId } }),
    db.leg.findMany({ where: { meetingId }, include: { participant: { select: { role: true } } } }),
  ]);
  const conn = await db.sautikitConnection.findUnique({
    where: { workspaceId: meeting.workspaceId },
    select: { unreachableSince: true },
  });
  const sautikitDownSince = ms(conn?.unreachableSince ?? null);
  // Only a meeting in progress has a stop to count down to (ADR 0021).
  const stop = meeting.status === "live" ? stopFor(meeting) : null;
  const views: LegView[] = legs.map((l) => ({
    ...toLegView(l),
    dialError: dialErrorOf(l),
  }));
  const people = derivePeople(
    participants.map((p) => ({
      id: p.id,
      name: p.name,
      phoneE164: p.phoneE164,
      role: p.role as ParticipantRole,
      createdAt: p.createdAt.getTime(),
    })),
    views,
  ).map((p) => {
    const listed = p.participantId ? participants.find((x) => x.id === p.participantId) : undefined;
    return {
      ...p,
      phoneDisplay: formatPhone(p.phoneE164),
      ...(listed ? { remindsByCall: listed.remindByCall ?? meeting.remindByCall } : {}),
    };
  });
  const stamp = [
    meeting.updatedAt.getTime(),
    participants.length,
    ...participants.map((p) => p.updatedAt.getTime()),
    ...legs.map((l) => l.updatedAt.getTime()),
  ];
  return {
    meeting: {
      id: meeting.id,
      status: meeting.status,
      locked: meeting.locked,
      moderation: isModerationMode(meeting.moderation) ? meeting.moderation : "open",
      startedAt: ms(meeting.startedAt),
      endedAt: ms(meeting.endedAt),
      capacity: meeting.capacity,
      record: meeting.record,
      hardStopAt: stop?.at ?? null,
      canExtend: stop ? canExtend(stop) : false,
    },
    people,
    sautikitDownSince,
    serverNow: Date.now(),
    version: `${legs.length}:${Math.max(...stamp)}:${stamp.reduce((a, b) => a + b, 0) % 1_000_000_007}:${sautikitDownSince ?? 0}:${stop?.at ?? 0}`,
  };
}

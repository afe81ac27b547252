import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { meetingScope } from "@/lib/meetings/meeting-scope";
import { CALLING_LEG_STATES } from "@/lib/shared/meeting-badge";

export type MeetingListItem = {
  id: string;
  title: string;
  startsAt: string;
  timeZone: string;
  durationMinutes: number;
  recurrence: string;
  status: string;
  participantCount: number;
  /** Calls ringing or waiting for the room: the list's badge says "calling" then. */
  callsUnderWay: number;
};

/** Upcoming (scheduled or live, soonest first) and past (ended or cancelled, newest first). */
export async function listMeetings(actor: Actor): Promise<{ upcoming: MeetingListItem[]; past: MeetingListItem[] }> {
  const rows = await db.meeting.findMany({
    where: meetingScope(actor),
    orderBy: { startsAt: "asc" },
    take: 500,
    select: {
      id: true,
      title: true,
      startsAt: true,
      timeZone: true,
      durationMinutes: true,
      recurrence: true,
      status: true,
      _count: {
        select: { participants: true, legs: { where: { state: { in: [...CALLING_LEG_STATES] } } } },
      },
    },
  });
  const items = rows.map((m) => ({
    id: m.id,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    timeZone: m.timeZone,
    durationMinutes: m.durationMinutes,
    recurrence: m.recurrence,
    status: m.status,
    participantCount: m._count.participants,
    callsUnderWay: m._count.legs,
  }));
  const isPast = (m: MeetingListItem) => m.status === "ended" || m.status === "cancelled";
  return { upcoming: items.filter((m) => !isPast(m)), past: items.filter(isPast).reverse() };
}

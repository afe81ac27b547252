import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { allocatePins } from "@/lib/meetings/allocate-pins";
import { pickMeetingSettings } from "@/lib/meetings/meeting-settings";
import { syncOccurrenceJobs } from "@/lib/meetings/occurrence-jobs";
import { newRoomName } from "@/lib/meetings/room-name";
import { utcToZonedWallTime, zonedWallTimeToUtc } from "@/lib/shared/meeting-time";

/** The same wall-clock time one week later in the meeting's zone (so DST never shifts it). */
export function nextWeekly(startsAt: Date, timeZone: string, after: Date): Date {
  // Wall-clock strings carry minutes only; keep the seconds the meeting was scheduled with.
  const sub = ((startsAt.getTime() % 60_000) + 60_000) % 60_000;
  let next = startsAt;
  do {
    const wall = utcToZonedWallTime(next, timeZone);
    const day = new Date(`${wall.slice(0, 10)}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 7);
    next = new Date(zonedWallTimeToUtc(`${day.toISOString().slice(0, 10)}${wall.slice(10)}`, timeZone).getTime() + sub);
  } while (next <= after);
  return next;
}

/**
 * When an occurrence of a weekly meeting ends, the next one is scheduled: same settings, people
 * and PINs (the calendar invitation keeps working), but a fresh room name. Idempotent.
 */
export async function scheduleNextOccurrence(tx: Prisma.TransactionClient, meetingId: string): Promise<string | null> {
  const m = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, include: { participants: true } });
  if (m.recurrence !== "weekly") return null;
  const startsAt = nextWeekly(m.startsAt, m.timeZone, new Date());
  const existing = await tx.meeting.findFirst({
    where: {
      workspaceId: m.workspaceId,
      organiserId: m.organiserId,
      title: m.title,
      startsAt,
      status: { in: ["scheduled", "live"] },
    },
    select: { id: true },
  });
  if (existing) return existing.id;
  // Keep the PINs unless another live or upcoming meeting took them meanwhile.
  const clash = await tx.meeting.findFirst({
    where: {
      workspaceId: m.workspaceId,
      id: { not: m.id },
      status: { in: ["scheduled", "live"] },
      OR: [{ pin: { in: [m.pin, m.hostPin] } }, { hostPin: { in: [m.pin, m.hostPin] } }],
    },
    select: { id: true },
  });
  const pins = clash ? await allocatePins(tx, m.workspaceId, m.id) : { pin: m.pin, hostPin: m.hostPin };
  const next = await tx.meeting.create({
    data: {
      workspaceId: m.workspaceId,
      organiserId: m.organiserId,
      title: m.title,
      agenda: m.agenda,
      startsAt,
      timeZone: m.timeZone,
      durationMinutes: m.durationMinutes,
      recurrence: m.recurrence,
      ...pickMeetingSettings(m),
      budgetMinor: m.budgetMinor,
      roomName: newRoomName(startsAt),
      ...pins,
    },
  });
  await tx.participant.createMany({
    data: m.participants
      .filter((p) => !p.isGuest)
      .map((p) => ({
        workspaceId: p.workspaceId,
        meetingId: next.id,
        name: p.name,
        phoneE164: p.phoneE164,
        role: p.role,
        remindByCall: p.remindByCall,
      })),
  });
  // The series' call at the start and reminders, for this occurrence.
  await syncOccurrenceJobs(tx, next.id);
  return next.id;
}

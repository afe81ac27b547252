import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findMeetingForActor, assertOpen } from "@/lib/meetings/meeting-scope";
import { jobsEnqueued } from "@/lib/jobs/wake";
import { syncOccurrenceJobs } from "@/lib/meetings/occurrence-jobs";
import { newRoomName } from "@/lib/meetings/room-name";
import { meetingInputSchema, type MeetingInputRaw } from "@/lib/shared/meeting-schemas";

export async function editMeeting(actor: Actor, meetingId: string, raw: MeetingInputRaw) {
  const meeting = await findMeetingForActor(actor, meetingId);
  assertOpen(meeting, "edit");
  const input = meetingInputSchema.parse(raw);
  const legCount = await db.leg.count({ where: { meetingId } });
  if (meeting.status === "live" && input.startsAt.getTime() !== meeting.startsAt.getTime()) {
    throw new AppError("CONFLICT", "meetingLiveStartFixed");
  }
  // A meeting nobody has been called into yet gets a room named after its new date.
  const roomName =
    legCount === 0 && input.startsAt.getTime() !== meeting.startsAt.getTime()
      ? newRoomName(input.startsAt)
      : meeting.roomName;
  const { updated, due } = await db.$transaction(async (tx) => {
    const updated = await tx.meeting.update({ where: { id: meeting.id }, data: { ...input, roomName } });
    await tx.auditLog.create({
      data: { workspaceId: actor.workspaceId, actorId: actor.userId, action: "meeting.edited", target: meeting.id },
    });
    // A moved start moves the call at the start and the reminders with it.
    return { updated, due: await syncOccurrenceJobs(tx, meeting.id) };
  });
  if (due) jobsEnqueued(due);
  return updated;
}

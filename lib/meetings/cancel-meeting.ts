import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findMeetingForActor } from "@/lib/meetings/meeting-scope";
import { syncOccurrenceJobs } from "@/lib/meetings/occurrence-jobs";

export async function cancelMeeting(actor: Actor, meetingId: string) {
  const meeting = await findMeetingForActor(actor, meetingId);
  if (meeting.status === "cancelled") return meeting;
  if (meeting.status === "live") throw new AppError("CONFLICT", "meetingLiveEndInstead");
  if (meeting.status !== "scheduled") throw new AppError("CONFLICT", "meetingAlreadyEnded");
  const live = await db.leg.count({ where: { meetingId, state: { not: "left" } } });
  if (live > 0) throw new AppError("CONFLICT", "peopleBeingCalled");
  return db.$transaction(async (tx) => {
    const updated = await tx.meeting.update({ where: { id: meeting.id }, data: { status: "cancelled" } });
    await tx.auditLog.create({
      data: { workspaceId: actor.workspaceId, actorId: actor.userId, action: "meeting.cancelled", target: meeting.id },
    });
    // No call at the start, no reminders (their runners would also refuse a cancelled meeting).
    await syncOccurrenceJobs(tx, meeting.id);
    return updated;
  });
}

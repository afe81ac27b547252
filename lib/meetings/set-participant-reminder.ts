import "server-only";
import { z } from "zod";
import { fieldError } from "@/lib/shared/error-keys";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { jobsEnqueued } from "@/lib/jobs/wake";
import { assertOpen, findMeetingForActor } from "@/lib/meetings/meeting-scope";
import { syncOccurrenceJobs } from "@/lib/meetings/occurrence-jobs";

/** true / false: this person's own choice; null: follow the meeting's default. */
export const participantReminderSchema = z.object({
  remindByCall: z.boolean({ error: fieldError("reminderChoice") }).nullable(),
});

/** One participant's reminder-call choice; the meeting's reminder job follows it (lib/meetings/occurrence-jobs.ts). */
export async function setParticipantReminder(
  actor: Actor,
  meetingId: string,
  participantId: string,
  remindByCall: boolean | null,
) {
  const meeting = await findMeetingForActor(actor, meetingId);
  assertOpen(meeting, "changeReminders");
  const { participant, due } = await db.$transaction(async (tx) => {
    const found = await tx.participant.findFirst({
      where: { id: participantId, meetingId: meeting.id, workspaceId: actor.workspaceId },
    });
    if (!found) throw new AppError("NOT_FOUND", "participantNotFound");
    const participant = await tx.participant.update({ where: { id: found.id }, data: { remindByCall } });
    return { participant, due: await syncOccurrenceJobs(tx, meeting.id) };
  });
  if (due) jobsEnqueued(due);
  return participant;
}

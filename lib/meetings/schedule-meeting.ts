import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { jobsEnqueued } from "@/lib/jobs/wake";
import { syncOccurrenceJobs } from "@/lib/meetings/occurrence-jobs";
import { allocatePins } from "@/lib/meetings/allocate-pins";
import { newRoomName } from "@/lib/meetings/room-name";
import { meetingInputSchema, type MeetingInputRaw } from "@/lib/shared/meeting-schemas";

export async function scheduleMeeting(actor: Actor, raw: MeetingInputRaw) {
  const input = meetingInputSchema.parse(raw);
  const { meeting, due } = await db.$transaction(async (tx) => {
    // Serialise PIN allocation per workspace so two meetings created at once never share a PIN.
    await tx.$queryRaw`SELECT id FROM "Workspace" WHERE id = ${actor.workspaceId} FOR UPDATE`;
    const { pin, hostPin } = await allocatePins(tx, actor.workspaceId);
    const meeting = await tx.meeting.create({
      data: {
        ...input,
        workspaceId: actor.workspaceId,
        organiserId: actor.userId,
        roomName: newRoomName(input.startsAt),
        pin,
        hostPin,
      },
    });
    await tx.auditLog.create({
      data: { workspaceId: actor.workspaceId, actorId: actor.userId, action: "meeting.scheduled", target: meeting.id },
    });
    return { meeting, due: await syncOccurrenceJobs(tx, meeting.id) };
  });
  if (due) jobsEnqueued(due);
  return meeting;
}

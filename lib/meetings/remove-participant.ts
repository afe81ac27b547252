import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findMeetingForActor } from "@/lib/meetings/meeting-scope";

export async function removeParticipant(actor: Actor, meetingId: string, participantId: string): Promise<void> {
  const meeting = await findMeetingForActor(actor, meetingId);
  const participant = await db.participant.findFirst({
    where: { id: participantId, meetingId: meeting.id, workspaceId: actor.workspaceId },
  });
  if (!participant) throw new AppError("NOT_FOUND", "participantNotFound");
  const live = await db.leg.count({ where: { participantId, state: { not: "left" } } });
  if (live > 0) throw new AppError("CONFLICT", "participantOnCall", { params: { name: participant.name } });
  if (meeting.status === "ended" || (await db.leg.count({ where: { participantId } })) > 0) {
    // Their calls are part of the meeting's record (duration, cost); keep the person.
    throw new AppError("CONFLICT", "participantOnRecord", { params: { name: participant.name } });
  }
  await db.participant.delete({ where: { id: participant.id } });
}

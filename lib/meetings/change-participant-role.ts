import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertOpen, findMeetingForActor } from "@/lib/meetings/meeting-scope";
import { participantRoleInputSchema } from "@/lib/shared/meeting-schemas";

/**
 * Changes a listed person's role (host / participant / listener) for their next call. Not while
 * they are on a call: the room has already let them in as what they were (a host starts the room,
 * a listener is muted), and Sautikit cannot change a live leg's settings — Listen only re-dials.
 */
export async function changeParticipantRole(actor: Actor, meetingId: string, participantId: string, raw: unknown) {
  const { role } = participantRoleInputSchema.parse(raw);
  const meeting = await findMeetingForActor(actor, meetingId);
  assertOpen(meeting, "changeRoles");
  const participant = await db.participant.findFirst({
    where: { id: participantId, meetingId: meeting.id, workspaceId: actor.workspaceId },
  });
  if (!participant) throw new AppError("NOT_FOUND", "participantNotFound");
  const onCall = await db.leg.count({ where: { participantId: participant.id, state: { not: "left" } } });
  if (onCall > 0) throw new AppError("CONFLICT", "participantOnCallRole", { params: { name: participant.name } });
  const updated = await db.participant.update({ where: { id: participant.id }, data: { role } });
  return { participant: { id: updated.id, name: updated.name, role: updated.role } };
}

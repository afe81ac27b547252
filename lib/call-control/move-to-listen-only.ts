import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getSautikitClient } from "@/lib/sautikit/connection";
import { assertOpen, findMeetingForActor } from "@/lib/meetings/meeting-scope";
import { dialParticipant } from "@/lib/meetings/dial-participant";
import type { ListenOnlyResult } from "@/lib/shared/api-schemas";

/**
 * Makes a participant a listener and, if they are on a call, re-dials them muted. Sautikit has no
 * documented way to change a live leg's conference settings, so the old leg is hung up first.
 */
export async function moveToListenOnly(
  actor: Actor,
  meetingId: string,
  participantId: string,
): Promise<ListenOnlyResult> {
  const meeting = await findMeetingForActor(actor, meetingId);
  assertOpen(meeting, "changeRoles");
  const participant = await db.participant.findFirst({
    where: { id: participantId, meetingId: meeting.id, workspaceId: actor.workspaceId },
  });
  if (!participant) throw new AppError("NOT_FOUND", "participantNotFound");
  if (participant.role === "host") throw new AppError("CONFLICT", "hostCannotListen");
  await db.participant.update({ where: { id: participant.id }, data: { role: "listener" } });
  const live = await db.leg.findFirst({ where: { participantId, state: { not: "left" } } });
  if (!live) return { redialled: false };
  if (live.callId) await (await getSautikitClient(actor.workspaceId)).calls.hangup(live.callId);
  // The re-dial waits for the old leg's end to be recorded (a participant has one live leg at a time).
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const still = await db.leg.findUnique({ where: { id: live.id }, select: { state: true } });
    if (still?.state === "left")
      return { redialled: true, ...(await dialParticipant(actor, meetingId, participantId)) };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new AppError("SAUTIKIT_UNAVAILABLE", "oldCallNotEnded");
}

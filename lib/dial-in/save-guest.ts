import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fieldError } from "@/lib/shared/error-keys";
import { findMeetingForActor } from "@/lib/meetings/meeting-scope";
import { lockMeeting, recomputeRoster } from "@/lib/roster/recompute-roster";
import { notifyRosterChanged } from "@/lib/roster/roster-bus";
import { forViewer } from "@/lib/privacy/phone-visibility";
import { saveGuestInputSchema } from "@/lib/shared/api-schemas";

/**
 * Names a guest who dialled in with the PIN and saves them as a participant of the meeting: their
 * calls so far move onto the new participant, so the roster shows one row under the new name, and
 * they are recognised by caller ID next time.
 */
export async function saveGuest(actor: Actor, meetingId: string, raw: unknown) {
  const meeting = await findMeetingForActor(actor, meetingId);
  const input = saveGuestInputSchema.parse(raw);
  const participant = await db.$transaction(async (tx) => {
    await lockMeeting(tx, meeting.id);
    const phone = input.legId
      ? (
          await tx.leg.findFirst({
            where: { id: input.legId, meetingId: meeting.id, direction: "inbound", participantId: null },
            select: { fromE164: true },
          })
        )?.fromE164
      : input.phone;
    const legs = phone
      ? await tx.leg.findMany({
          where: { meetingId: meeting.id, direction: "inbound", fromE164: phone, participantId: null },
          select: { id: true },
        })
      : [];
    if (!phone || legs.length === 0) throw new AppError("NOT_FOUND", "noGuestFromNumber");
    const taken = await tx.participant.findFirst({ where: { meetingId: meeting.id, phoneE164: phone } });
    if (taken)
      throw new AppError("CONFLICT", "numberAlreadyParticipant", {
        details: [{ path: "phone", message: fieldError("alreadyParticipantField") }],
      });
    const created = await tx.participant.create({
      data: {
        workspaceId: actor.workspaceId,
        meetingId: meeting.id,
        name: input.name,
        phoneE164: phone,
        role: input.role,
      },
    });
    await tx.leg.updateMany({ where: { id: { in: legs.map((l) => l.id) } }, data: { participantId: created.id } });
    // The role is not a fact: re-derive now so a listener's default mute or a host's exit rule shows at once.
    await recomputeRoster(tx, meeting.id);
    await tx.auditLog.create({
      data: {
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        action: "participant.guest_saved",
        target: created.id,
        details: { meetingId: meeting.id },
      },
    });
    return created;
  });
  notifyRosterChanged(meeting.id);
  return forViewer(actor, {
    id: participant.id,
    name: participant.name,
    phoneE164: participant.phoneE164,
    role: participant.role,
  });
}

// DELETE /api/meetings/:id/participants/:pid — remove a participant who has not been called
// PATCH  /api/meetings/:id/participants/:pid — change their role ({ role }) while not on a call
import { requireApiActor } from "@/lib/auth/actor";
import { parseJson, route } from "@/lib/http/route";
import { changeParticipantRole } from "@/lib/meetings/change-participant-role";
import { removeParticipant } from "@/lib/meetings/remove-participant";
import { participantRoleInputSchema } from "@/lib/shared/meeting-schemas";

export const DELETE = route<{ meetingId: string; participantId: string }>(async (req, { params }) => {
  await removeParticipant(await requireApiActor(req), params.meetingId, params.participantId);
});

export const PATCH = route<{ meetingId: string; participantId: string }>(async (req, { params }) => {
  const actor = await requireApiActor(req);
  return changeParticipantRole(
    actor,
    params.meetingId,
    params.participantId,
    await parseJson(req, participantRoleInputSchema),
  );
});

// DELETE /api/meetings/:id/participants/:pid — remove a participant who has not been called
import { requireApiActor } from "@/lib/auth/actor";
import { route } from "@/lib/http/route";
import { removeParticipant } from "@/lib/meetings/remove-participant";

export const DELETE = route<{ meetingId: string; participantId: string }>(async (req, { params }) => {
  await removeParticipant(await requireApiActor(req), params.meetingId, params.participantId);
});

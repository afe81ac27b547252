// DELETE /api/meetings/:id/participants/:pid — remove a participant who has not been called
// PATCH  /api/meetings/:id/participants/:pid — { role } (while not on a call) or
//        { remindByCall: true | false | null } (reminder calls)
import { z } from "zod";
import { requireApiActor } from "@/lib/auth/actor";
import { parseJson, route } from "@/lib/http/route";
import { changeParticipantRole } from "@/lib/meetings/change-participant-role";
import { removeParticipant } from "@/lib/meetings/remove-participant";
import { participantReminderSchema, setParticipantReminder } from "@/lib/meetings/set-participant-reminder";
import { participantRoleInputSchema } from "@/lib/shared/meeting-schemas";

const patchSchema = z.union([participantRoleInputSchema, participantReminderSchema]);

export const DELETE = route<{ meetingId: string; participantId: string }>(async (req, { params }) => {
  await removeParticipant(await requireApiActor(req), params.meetingId, params.participantId);
});

export const PATCH = route<{ meetingId: string; participantId: string }>(async (req, { params }) => {
  const actor = await requireApiActor(req);
  const input = await parseJson(req, patchSchema);
  if ("role" in input) return changeParticipantRole(actor, params.meetingId, params.participantId, input);
  const p = await setParticipantReminder(actor, params.meetingId, params.participantId, input.remindByCall);
  return { participant: { id: p.id, remindByCall: p.remindByCall } };
});

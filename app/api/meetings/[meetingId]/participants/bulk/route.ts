// POST /api/meetings/:id/participants/bulk — add pasted "name, number" lines; reports per-line errors
import { requireApiActor } from "@/lib/auth/actor";
import { parseJson, route } from "@/lib/http/route";
import { bulkAddParticipants } from "@/lib/meetings/bulk-add-participants";
import { bulkInputSchema } from "@/lib/shared/meeting-schemas";

export const POST = route<{ meetingId: string }>(async (req, { params }) => {
  const actor = await requireApiActor(req);
  return bulkAddParticipants(actor, params.meetingId, await parseJson(req, bulkInputSchema));
});

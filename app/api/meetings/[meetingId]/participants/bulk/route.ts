// POST /api/meetings/:id/participants/bulk — add pasted "name, number" lines; reports per-line errors
import { requireApiActor } from "@/lib/auth/actor";
import { parseJson, route } from "@/lib/http/route";
import { resolveLocale } from "@/lib/i18n/resolve-locale";
import { bulkAddParticipants } from "@/lib/meetings/bulk-add-participants";
import { bulkInputSchema } from "@/lib/shared/meeting-schemas";

export const POST = route<{ meetingId: string }>(async (req, { params }) => {
  const actor = await requireApiActor(req);
  const body = await parseJson(req, bulkInputSchema);
  return bulkAddParticipants(actor, params.meetingId, body, await resolveLocale());
});

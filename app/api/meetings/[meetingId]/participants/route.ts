// POST /api/meetings/:id/participants — add one participant (name, phone, role)
import { requireApiActor } from "@/lib/auth/actor";
import { parseJson, route } from "@/lib/http/route";
import { addParticipant } from "@/lib/meetings/add-participant";
import type { AddParticipantResult } from "@/lib/shared/api-schemas";
import { participantInputSchema } from "@/lib/shared/meeting-schemas";
import { forViewer } from "@/lib/privacy/phone-visibility";

export const POST = route<{ meetingId: string }>(async (req, { params }) => {
  const actor = await requireApiActor(req);
  const p = await addParticipant(actor, params.meetingId, await parseJson(req, participantInputSchema));
  const result: AddParticipantResult = await forViewer(actor, {
    participant: { id: p.id, name: p.name, phoneE164: p.phoneE164, role: p.role },
  });
  return Response.json(result, { status: 201 });
});

// POST /api/meetings/:id/guests — name a dial-in guest and save them as a participant
import { requireApiActor } from "@/lib/auth/actor";
import { saveGuest } from "@/lib/dial-in/save-guest";
import { saveGuestInputSchema } from "@/lib/shared/api-schemas";
import { parseJson, route } from "@/lib/http/route";
import type { SaveGuestResult } from "@/lib/shared/api-schemas";

export const POST = route<{ meetingId: string }>(async (req, { params }) => {
  const actor = await requireApiActor(req);
  const participant = await saveGuest(actor, params.meetingId, await parseJson(req, saveGuestInputSchema));
  const result: SaveGuestResult = { participant };
  return Response.json(result, { status: 201 });
});

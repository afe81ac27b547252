// POST /api/meetings/:id/lock — lock or unlock the room to new dial-ins
import { requireApiActor } from "@/lib/auth/actor";
import { parseJson, route } from "@/lib/http/route";
import { setRoomLocked } from "@/lib/call-control/lock-room";
import { lockInputSchema } from "@/lib/shared/api-schemas";

export const POST = route<{ meetingId: string }>(async (req, { params }) => {
  const actor = await requireApiActor(req);
  return setRoomLocked(actor, params.meetingId, (await parseJson(req, lockInputSchema)).locked);
});

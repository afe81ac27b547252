// POST /api/meetings/:id/legs/:legId/(mute|unmute|kick|let-speak|lower-hand) — live control of one call
import { requireApiActor } from "@/lib/auth/actor";
import { route } from "@/lib/http/route";
import { controlLeg } from "@/lib/call-control/control-leg";
import { legCommandSchema } from "@/lib/shared/api-schemas";

export const POST = route<{ meetingId: string; legId: string; command: string }>(async (req, { params }) => {
  const actor = await requireApiActor(req);
  return controlLeg(actor, params.meetingId, params.legId, legCommandSchema.parse(params.command));
});

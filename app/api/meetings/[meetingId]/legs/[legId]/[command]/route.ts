// POST /api/meetings/:id/legs/:legId/(mute|unmute|kick) — live control of one call
import { z } from "zod";
import { requireApiActor } from "@/lib/auth/actor";
import { route } from "@/lib/http/route";
import { controlLeg } from "@/lib/call-control/control-leg";

const commandSchema = z.enum(["mute", "unmute", "kick"], { error: "Unknown command: use mute, unmute or kick." });

export const POST = route<{ meetingId: string; legId: string; command: string }>(async (req, { params }) => {
  const actor = await requireApiActor(req);
  return controlLeg(actor, params.meetingId, params.legId, commandSchema.parse(params.command));
});

// POST /api/meetings/:id/legs/:legId/(mute|unmute|kick|let-speak|lower-hand) — live control of one call
import { z } from "zod";
import { requireApiActor } from "@/lib/auth/actor";
import { route } from "@/lib/http/route";
import { controlLeg } from "@/lib/call-control/control-leg";

const commandSchema = z.enum(["mute", "unmute", "kick", "let-speak", "lower-hand"], {
  error: "Unknown command: use mute, unmute, kick, let-speak or lower-hand.",
});

export const POST = route<{ meetingId: string; legId: string; command: string }>(async (req, { params }) => {
  const actor = await requireApiActor(req);
  return controlLeg(actor, params.meetingId, params.legId, commandSchema.parse(params.command));
});

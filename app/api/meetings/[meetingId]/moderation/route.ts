// POST /api/meetings/:id/moderation — switch the live room to Open, Presentation or Q&A
import { z } from "zod";
import { requireApiActor } from "@/lib/auth/actor";
import { parseJson, route } from "@/lib/http/route";
import { switchModeration } from "@/lib/call-control/switch-moderation";
import { moderationModes } from "@/lib/shared/phone-keys";

const moderationSchema = z.object({
  mode: z.enum(moderationModes, { error: "mode must be open, presentation or qa." }),
});

export const POST = route<{ meetingId: string }>(async (req, { params }) => {
  const actor = await requireApiActor(req);
  return switchModeration(actor, params.meetingId, (await parseJson(req, moderationSchema)).mode);
});

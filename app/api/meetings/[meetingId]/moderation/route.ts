// POST /api/meetings/:id/moderation — switch the live room to Open, Presentation or Q&A
import { requireApiActor } from "@/lib/auth/actor";
import { parseJson, route } from "@/lib/http/route";
import { switchModeration } from "@/lib/call-control/switch-moderation";
import { moderationInputSchema } from "@/lib/shared/api-schemas";

export const POST = route<{ meetingId: string }>(async (req, { params }) => {
  const actor = await requireApiActor(req);
  return switchModeration(actor, params.meetingId, (await parseJson(req, moderationInputSchema)).mode);
});

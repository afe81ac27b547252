// PUT /api/meetings/:id/budget — set or remove the meeting's budget cap { budgetMinor: number | null }
import { requireApiActor } from "@/lib/auth/actor";
import { parseJson, route } from "@/lib/http/route";
import { budgetInputSchema } from "@/lib/shared/api-schemas";
import { setMeetingBudget } from "@/lib/spend/set-meeting-budget";

export const PUT = route<{ meetingId: string }>(async (req, { params }) => {
  const actor = await requireApiActor(req);
  return setMeetingBudget(actor, params.meetingId, await parseJson(req, budgetInputSchema));
});

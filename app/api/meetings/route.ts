// GET /api/meetings — upcoming and past meetings; POST /api/meetings — schedule a meeting
import { requireApiActor } from "@/lib/auth/actor";
import { parseJson, route } from "@/lib/http/route";
import { listMeetings } from "@/lib/meetings/list-meetings";
import { scheduleMeeting } from "@/lib/meetings/schedule-meeting";
import { toMeetingView } from "@/lib/meetings/meeting-view";
import { meetingInputSchema } from "@/lib/shared/meeting-schemas";

export const GET = route(async (req) => listMeetings(await requireApiActor(req)));

export const POST = route(async (req) => {
  const actor = await requireApiActor(req);
  const input = await parseJson(req, meetingInputSchema);
  const meeting = await scheduleMeeting(actor, input);
  return Response.json({ meeting: toMeetingView(meeting, null) }, { status: 201 });
});

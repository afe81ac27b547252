// POST /api/meetings/:id/extend — move the meeting's hard stop later by one step (bounded by the workspace maximum)
import { requireApiActor } from "@/lib/auth/actor";
import { route } from "@/lib/http/route";
import { extendMeetingForActor } from "@/lib/call-control/extend-meeting";

export const POST = route<{ meetingId: string }>(async (req, { params }) =>
  extendMeetingForActor(await requireApiActor(req), params.meetingId),
);

// POST /api/meetings/:id/end — end the meeting for everyone (hang up all legs)
import { requireApiActor } from "@/lib/auth/actor";
import { route } from "@/lib/http/route";
import { endMeeting } from "@/lib/call-control/end-meeting";

export const POST = route<{ meetingId: string }>(async (req, { params }) =>
  endMeeting(await requireApiActor(req), params.meetingId),
);

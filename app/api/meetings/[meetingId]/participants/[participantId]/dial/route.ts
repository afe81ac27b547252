// POST /api/meetings/:id/participants/:pid/dial — Call / Re-dial one person (a double click dials once)
import { requireApiActor } from "@/lib/auth/actor";
import { route } from "@/lib/http/route";
import { dialParticipant } from "@/lib/meetings/dial-participant";

export const POST = route<{ meetingId: string; participantId: string }>(async (req, { params }) =>
  dialParticipant(await requireApiActor(req), params.meetingId, params.participantId),
);

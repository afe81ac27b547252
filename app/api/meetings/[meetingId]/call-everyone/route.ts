// POST /api/meetings/:id/call-everyone — queue paced dials for everyone not already on a call
import { requireApiActor } from "@/lib/auth/actor";
import { route } from "@/lib/http/route";
import { callEveryone } from "@/lib/meetings/call-everyone";

export const POST = route<{ meetingId: string }>(async (req, { params }) =>
  callEveryone(await requireApiActor(req), params.meetingId),
);

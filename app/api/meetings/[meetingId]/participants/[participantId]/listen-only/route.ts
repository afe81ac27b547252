// POST /api/meetings/:id/participants/:pid/listen-only — make a listener and re-dial them muted
import { requireApiActor } from "@/lib/auth/actor";
import { route } from "@/lib/http/route";
import { moveToListenOnly } from "@/lib/call-control/move-to-listen-only";

export const POST = route<{ meetingId: string; participantId: string }>(async (req, { params }) =>
  moveToListenOnly(await requireApiActor(req), params.meetingId, params.participantId),
);

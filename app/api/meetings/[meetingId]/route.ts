// GET /api/meetings/:id — one meeting; PATCH — edit it; DELETE — cancel it
import { requireApiActor } from "@/lib/auth/actor";
import { parseJson, route } from "@/lib/http/route";
import { cancelMeeting } from "@/lib/meetings/cancel-meeting";
import { editMeeting } from "@/lib/meetings/edit-meeting";
import { getMeetingView } from "@/lib/meetings/meeting-view";
import { meetingInputSchema } from "@/lib/shared/meeting-schemas";

type P = { meetingId: string };

export const GET = route<P>(async (req, { params }) => ({
  meeting: await getMeetingView(await requireApiActor(req), params.meetingId),
}));

export const PATCH = route<P>(async (req, { params }) => {
  const actor = await requireApiActor(req);
  await editMeeting(actor, params.meetingId, await parseJson(req, meetingInputSchema));
  return { meeting: await getMeetingView(actor, params.meetingId) };
});

export const DELETE = route<P>(async (req, { params }) => {
  const actor = await requireApiActor(req);
  await cancelMeeting(actor, params.meetingId);
  return { meeting: await getMeetingView(actor, params.meetingId) };
});

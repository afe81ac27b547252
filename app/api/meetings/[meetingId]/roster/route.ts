// GET /api/meetings/:id/roster — the live roster snapshot (SWR's data source and polling fallback)
import { requireApiActor } from "@/lib/auth/actor";
import { route } from "@/lib/http/route";
import { getMeetingRoster } from "@/lib/roster/get-meeting-roster";

export const dynamic = "force-dynamic";

export const GET = route<{ meetingId: string }>(async (req, { params }) => {
  const roster = await getMeetingRoster(await requireApiActor(req), params.meetingId);
  return Response.json(roster, { headers: { "Cache-Control": "no-store" } });
});

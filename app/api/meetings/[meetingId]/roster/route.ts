// GET /api/meetings/:id/roster — the live roster snapshot (the live roster's data source and polling fallback)
import { requireApiActor } from "@/lib/auth/actor";
import { route } from "@/lib/http/route";
import { resolveLocale } from "@/lib/i18n/resolve-locale";
import { getMeetingRoster } from "@/lib/roster/get-meeting-roster";

export const dynamic = "force-dynamic";

export const GET = route<{ meetingId: string }>(async (req, { params }) => {
  const actor = await requireApiActor(req);
  const roster = await getMeetingRoster(actor, params.meetingId, await resolveLocale());
  return Response.json(roster, { headers: { "Cache-Control": "no-store" } });
});

// GET /api/recordings — recordings in the actor's scope (admins: workspace; organisers: own meetings), filterable
import { requireApiActor } from "@/lib/auth/actor";
import { parseQuery, route } from "@/lib/http/route";
import { listRecordings, recordingFiltersSchema } from "@/lib/recordings/list-recordings";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const actor = await requireApiActor(req);
  return { recordings: await listRecordings(actor, parseQuery(req, recordingFiltersSchema)) };
});

// GET /api/meetings/:id/stream — Server-Sent Events: the roster, pushed whenever it changes
// (re-authorization, lifetime, per-user limit and the shared read: lib/roster/roster-stream.ts)
import { requireApiActor } from "@/lib/auth/actor";
import { route } from "@/lib/http/route";
import { resolveLocale } from "@/lib/i18n/resolve-locale";
import { findMeetingForActor } from "@/lib/meetings/meeting-scope";
import { openRosterStream } from "@/lib/roster/open-roster-stream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route<{ meetingId: string }>(async (req, { params }) => {
  const actor = await requireApiActor(req);
  const meeting = await findMeetingForActor(actor, params.meetingId);
  return new Response(await openRosterStream(actor, meeting.id, await resolveLocale(), req.signal), {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
});

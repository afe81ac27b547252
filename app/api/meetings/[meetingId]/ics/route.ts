// GET /api/meetings/:id/ics — the meeting as a calendar file (.ics)
import { requireApiActor } from "@/lib/auth/actor";
import { route } from "@/lib/http/route";
import { resolveLocale } from "@/lib/i18n/resolve-locale";
import { meetingIcs } from "@/lib/meetings/ics";
import { phoneKeyLines } from "@/lib/meetings/phone-key-lines";
import { getMeetingView } from "@/lib/meetings/meeting-view";

export const GET = route<{ meetingId: string }>(async (req, { params }) => {
  const m = await getMeetingView(await requireApiActor(req), params.meetingId);
  const ics = meetingIcs(
    {
      ...m,
      startsAt: new Date(m.startsAt),
      updatedAt: new Date(m.updatedAt),
      cancelled: m.status === "cancelled",
      phoneKeys: phoneKeyLines(),
    },
    await resolveLocale(),
  );
  const filename = `${
    m.title
      .replace(/[^A-Za-z0-9 _-]+/g, "")
      .trim()
      .replace(/\s+/g, "-")
      .slice(0, 60) || "meeting"
  }.ics`;
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
});

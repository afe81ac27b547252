// GET /api/meetings/:id/statement — per-participant attendance and cost statement (?format=csv to download)
import { requireApiActor } from "@/lib/auth/actor";
import { route } from "@/lib/http/route";
import { meetingStatement } from "@/lib/spend/meeting-statement";
import { statementCsv } from "@/lib/spend/statement-csv";
import { statementCsvLabels } from "@/lib/spend/statement-csv-labels";
import { resolveLocale } from "@/lib/i18n/resolve-locale";

export const dynamic = "force-dynamic";

export const GET = route<{ meetingId: string }>(async (req, { params }) => {
  const statement = await meetingStatement(await requireApiActor(req), params.meetingId);
  if (new URL(req.url).searchParams.get("format") !== "csv")
    return Response.json(statement, { headers: { "Cache-Control": "no-store" } });
  const slug =
    statement.meeting.title
      .replace(/[^A-Za-z0-9 _-]+/g, "")
      .trim()
      .replace(/\s+/g, "-")
      .slice(0, 60) || "meeting";
  // The same language the pages use for this reader (profile, cookie, Accept-Language).
  const locale = await resolveLocale();
  return new Response(statementCsv(statement, statementCsvLabels(locale)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slug}-statement.csv"`,
      "Cache-Control": "no-store",
    },
  });
});

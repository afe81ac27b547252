// GET /api/recordings/:id/audio — stream the WAV from a fresh Sautikit URL (?download=1 as an attachment; Range → 206/416); 202 while pending
import { requireApiActor } from "@/lib/auth/actor";
import { route } from "@/lib/http/route";
import { readerLocale } from "@/lib/i18n/reader-locale";
import { streamRecording } from "@/lib/recordings/stream-recording";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = route<{ recordingId: string }>(async (req, { params }) => {
  const actor = await requireApiActor(req);
  const download = new URL(req.url).searchParams.get("download") === "1";
  const head = req.method === "HEAD";
  return streamRecording(actor, params.recordingId, download ? "download" : "play", req.headers.get("range"), {
    audit: !head,
    head,
    locale: await readerLocale(),
  });
});

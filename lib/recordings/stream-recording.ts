import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { findRecordingForActor } from "@/lib/recordings/recording-scope";
import { lookupRecordingAt, unavailableError } from "@/lib/recordings/lookup-recording";

// Plays or downloads a recording through the app: the browser only ever sees a same-origin URL
// guarded by the session, and Sautikit's short-lived presigned URL is fetched afresh each time.

export type StreamMode = "play" | "download";

const FETCH_TIMEOUT_MS = 15_000;

export async function streamRecording(
  actor: Actor,
  recordingId: string,
  mode: StreamMode,
  range: string | null,
  opts: { audit?: boolean } = {},
): Promise<Response> {
  const rec = await findRecordingForActor(actor, recordingId);
  const availability = await lookupRecordingAt(actor.workspaceId, rec.callId);
  if (availability.status === "pending") {
    return Response.json(
      { status: "pending", retryAfterSeconds: availability.retryAfterSeconds, message: "Sautikit is still preparing this recording." },
      { status: 202, headers: { "Retry-After": String(availability.retryAfterSeconds), "Cache-Control": "no-store" } },
    );
  }
  if (availability.status !== "ready") throw unavailableError(availability);

  const url = new URL(availability.url);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new AppError("SAUTIKIT_REJECTED", "Sautikit sent a recording link the app cannot open.");
  const safeRange = range && /^bytes=\d*-\d*$/.test(range) ? range : null;
  let upstream: Response;
  try {
    upstream = await fetch(url, {
      headers: safeRange ? { Range: safeRange } : {},
      redirect: "manual",
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch (err) {
    throw new AppError("SAUTIKIT_UNAVAILABLE", "The recording could not be fetched from Sautikit. Try again shortly.", { cause: err });
  }
  if (upstream.status !== 200 && upstream.status !== 206) {
    await upstream.body?.cancel();
    log.warn({ recordingId, status: upstream.status }, "recording file fetch failed");
    throw new AppError("SAUTIKIT_REJECTED", "Sautikit did not serve the recording file. Try again shortly.");
  }

  // A player asks again for later byte ranges while seeking, and HEAD only probes: only the opening
  // request of a playback or download is audited.
  if (opts.audit !== false && (!safeRange || /^bytes=0-/.test(safeRange))) {
    await recordAudit({
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: mode === "download" ? "recording.downloaded" : "recording.played",
      target: rec.id,
      details: { meetingId: rec.meetingId, meetingTitle: rec.meeting.title },
    });
  }

  const headers = new Headers({
    "Content-Type": upstream.headers.get("content-type") ?? "audio/wav",
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
    "Content-Disposition": `${mode === "download" ? "attachment" : "inline"}; filename="${fileName(rec.meeting.title, rec.createdAt)}"`,
  });
  for (const h of ["content-length", "content-range", "accept-ranges"]) {
    const v = upstream.headers.get(h);
    if (v) headers.set(h, v);
  }
  return new Response(upstream.body, { status: upstream.status, headers });
}

export function fileName(title: string, createdAt: Date): string {
  const slug = title.replace(/[^A-Za-z0-9 _-]+/g, "").trim().replace(/\s+/g, "-").slice(0, 60) || "meeting";
  return `${slug}-${createdAt.toISOString().slice(0, 10)}.wav`;
}

import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { errorText } from "@/lib/i18n/error-text";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { contentDisposition, safeFileStem } from "@/lib/http/content-disposition";
import { log } from "@/lib/log";
import {
  parseContentRange,
  parseLength,
  parseRangeHeader,
  parseUnsatisfiedRange,
  rangeHeaderValue,
  resolveRange,
  sliceStream,
  type RangeSpec,
} from "@/lib/recordings/byte-range";
import { lookupRecordingWith, unavailableError } from "@/lib/recordings/lookup-recording";
import { findRecordingForActor } from "@/lib/recordings/recording-scope";
import { findConnection, notConnected } from "@/lib/sautikit/connection";
import { openRecordingFile } from "@/lib/sautikit/fenced-fetch";

// Plays or downloads a recording through the app: the browser only ever sees a same-origin URL
// guarded by the session, and Sautikit's short-lived presigned URL is fetched afresh each time
// (through the fence: lib/sautikit/fenced-fetch.ts). Whatever the file's host answers, the browser
// gets audio/wav that it must not sniff, and byte ranges so the player knows the length and can
// seek. The file is streamed, never held in memory.

export type StreamMode = "play" | "download";

const HEADERS_TIMEOUT_MS = 15_000;
// A paused player stops reading; its connection is dropped after this long and it asks again.
const IDLE_TIMEOUT_MS = 60_000;

export async function streamRecording(
  actor: Actor,
  recordingId: string,
  mode: StreamMode,
  range: string | null,
  opts: { audit?: boolean; head?: boolean; locale?: Locale } = {},
): Promise<Response> {
  const locale = opts.locale ?? DEFAULT_LOCALE;
  const rec = await findRecordingForActor(actor, recordingId);
  const conn = await findConnection(actor.workspaceId);
  if (!conn) throw notConnected();
  const availability = await lookupRecordingWith(conn, rec.callId);
  if (availability.status === "pending") {
    return Response.json(
      {
        status: "pending",
        retryAfterSeconds: availability.retryAfterSeconds,
        message: errorText(locale, "recordingPreparing"),
      },
      { status: 202, headers: { "Retry-After": String(availability.retryAfterSeconds), "Cache-Control": "no-store" } },
    );
  }
  if (availability.status !== "ready") throw unavailableError(availability);

  const wanted = parseRangeHeader(range);
  const upstream = await openUpstream(conn.apiBaseUrl, availability.url, wanted);

  // A player asks again for later byte ranges while seeking, and HEAD only probes: only the opening
  // request of a playback or download is audited.
  const opening = !wanted || ("first" in wanted && wanted.first === 0);
  if (opts.audit !== false && opening) {
    await recordAudit({
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: mode === "download" ? "recording.downloaded" : "recording.played",
      target: rec.id,
      details: { meetingId: rec.meetingId, meetingTitle: rec.meeting.title },
    });
  }

  const headers = new Headers({
    // Never the upstream type: only audio/wav may be shown inline, and nosniff keeps it that way.
    "Content-Type": "audio/wav",
    "X-Content-Type-Options": "nosniff",
    "Content-Disposition": contentDisposition(
      mode === "download" ? "attachment" : "inline",
      fileName(rec.meeting.title, rec.createdAt),
    ),
    // Belt and braces should a browser still render it: no scripts, no subresources, no embedding elsewhere.
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "private, no-store",
  });
  const answer = shapeAnswer(upstream, wanted);
  if (answer.kind === "unsatisfiable") {
    await upstream.body?.cancel();
    if (answer.total !== undefined) headers.set("Content-Range", `bytes */${answer.total}`);
    headers.set("Accept-Ranges", "bytes");
    headers.set("Content-Type", "text/plain; charset=utf-8");
    headers.delete("Content-Disposition");
    return new Response(opts.head ? null : errorText(locale, "recordingRangeMissing"), { status: 416, headers });
  }
  headers.set("Accept-Ranges", answer.total === undefined ? "none" : "bytes");
  if (answer.length !== undefined) headers.set("Content-Length", String(answer.length));
  if (answer.kind === "partial")
    headers.set("Content-Range", `bytes ${answer.start}-${answer.start + answer.length - 1}/${answer.total}`);
  if (opts.head || !upstream.body) {
    await upstream.body?.cancel();
    return new Response(null, { status: answer.kind === "partial" ? 206 : 200, headers });
  }
  const body = answer.length === undefined ? upstream.body : sliceStream(upstream.body, answer.skip, answer.length);
  return new Response(body, { status: answer.kind === "partial" ? 206 : 200, headers });
}

async function openUpstream(apiBaseUrl: string, location: string, wanted: RangeSpec | null): Promise<Response> {
  let upstream: Response;
  try {
    // Range goes upstream: object storage answers 206 itself, so only the wanted bytes travel.
    upstream = await openRecordingFile(apiBaseUrl, location, {
      headers: { Accept: "audio/wav, */*;q=0.1", ...(wanted ? { Range: rangeHeaderValue(wanted) } : {}) },
      headersTimeoutMs: HEADERS_TIMEOUT_MS,
      idleTimeoutMs: IDLE_TIMEOUT_MS,
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError("SAUTIKIT_UNAVAILABLE", "recordingFetchFailed", {
      cause: err,
    });
  }
  if (upstream.status !== 200 && upstream.status !== 206 && upstream.status !== 416) {
    await upstream.body?.cancel();
    log.warn({ status: upstream.status }, "recording file fetch failed");
    throw new AppError("SAUTIKIT_REJECTED", "recordingNotServed");
  }
  return upstream;
}

export type Answer =
  | { kind: "whole"; total?: number; length?: number; skip: 0 }
  | { kind: "partial"; total: number; start: number; length: number; skip: number }
  | { kind: "unsatisfiable"; total?: number };

/** What to answer the browser, from what the file's host answered and what the browser asked. */
export function shapeAnswer(upstream: Response, wanted: RangeSpec | null): Answer {
  const length = parseLength(upstream.headers.get("content-length"));
  if (upstream.status === 416) {
    if (!wanted) throw badFile();
    return { kind: "unsatisfiable", total: parseUnsatisfiedRange(upstream.headers.get("content-range")) };
  }
  if (upstream.status === 206) {
    // Only the range we asked for, described consistently, is passed on.
    const span = parseContentRange(upstream.headers.get("content-range"));
    if (!wanted || !span || span.total === undefined || (length !== undefined && length !== span.end - span.start + 1))
      throw badFile();
    return { kind: "partial", total: span.total, start: span.start, length: span.end - span.start + 1, skip: 0 };
  }
  // 200: the host ignored the range (or none was asked for). With a known length the range is cut
  // from the stream here; without one the whole file goes out, which a client must accept.
  if (length === undefined || !wanted) return { kind: "whole", total: length, length, skip: 0 };
  const span = resolveRange(wanted, length);
  if (span === "unsatisfiable") return { kind: "unsatisfiable", total: length };
  return { kind: "partial", total: length, start: span.start, length: span.end - span.start + 1, skip: span.start };
}

function badFile(): AppError {
  return new AppError("SAUTIKIT_REJECTED", "recordingUnusable");
}

export function fileName(title: string, createdAt: Date): string {
  return `${safeFileStem(title, "meeting")}-${createdAt.toISOString().slice(0, 10)}.wav`;
}

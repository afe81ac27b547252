import type { Emulator } from "../context";
import { wavByteLength, wavChunks } from "../engine/wav";
import { apiError, ok } from "../http/respond";
import type { LiveCall } from "../state/types";
import type { ApiRoutes } from "./api-routes";

// GET/DELETE /v1/calls/{id}/recording (302 / 202 / 404 / 410) and the presigned file URL.

const PENDING_RETRY_SECONDS = 5;

export function recordingRoutes(api: ApiRoutes): void {
  const { em } = api;
  api.onCall("GET", "/v1/calls/:id/recording", (_ctx, call) => {
    const rec = recordingOf(em, call);
    if (rec?.deleted) return { status: 410, body: { code: "recording_unavailable", reason: "deleted" } };
    if (rec) return { status: 302, headers: { Location: em.recordings.presignedUrl(rec) } };
    const recordingRoom = [...em.store.rooms.values()].some(
      (r) => r.recording_call_id === call.id && r.status !== "ended",
    );
    if (recordingRoom) return ok({ status: "pending", retry_after_seconds: PENDING_RETRY_SECONDS }, 202);
    throw noRecording(call);
  });

  api.onCall("DELETE", "/v1/calls/:id/recording", (_ctx, call) => {
    const rec = recordingOf(em, call);
    if (!rec) throw noRecording(call);
    rec.deleted = true;
    em.store.changed();
    return { status: 204 };
  });

  api.open("GET", "/recordings/:file", (ctx) => {
    const m = /^([0-9a-f-]{36})\.wav$/.exec(ctx.params.file!);
    if (!m) throw apiError("not_found", "No such recording.");
    const verdict = em.recordings.check(m[1]!, ctx.url.searchParams.get("expires"), ctx.url.searchParams.get("sig"));
    if (verdict === "missing") throw apiError("not_found", "No such recording.");
    if (verdict === "forbidden")
      return { status: 403, body: { code: "signature_invalid", reason: "the URL signature is not valid" } };
    if (verdict === "expired")
      return {
        status: 403,
        body: { code: "url_expired", reason: "the presigned URL has expired; ask the API for a fresh one" },
      };
    if (verdict === "gone") return { status: 410, body: { code: "recording_unavailable", reason: "deleted" } };
    const rec = em.store.recordings.get(m[1]!)!;
    const total = wavByteLength(rec.duration_ms);
    // Object storage honours one byte range (206 + Content-Range, 416 past the end) and sends the
    // whole object for anything else, several ranges included; the presigned file does the same.
    const span = byteRange(ctx.req.headers.range, total);
    const headers = {
      "Content-Type": "audio/wav",
      "Accept-Ranges": "bytes",
      "Cache-Control": "private, max-age=0",
    };
    if (span === "unsatisfiable")
      return {
        status: 416,
        stream: (res) => {
          res.writeHead(416, { ...headers, "Content-Range": `bytes */${total}`, "Content-Length": "0" });
          res.end();
        },
      };
    const { start, end } = span ?? { start: 0, end: total - 1 };
    const status = span ? 206 : 200;
    return {
      status,
      stream: (res) => {
        res.writeHead(status, {
          ...headers,
          "Content-Length": String(end - start + 1),
          ...(span ? { "Content-Range": `bytes ${start}-${end}/${total}` } : {}),
        });
        if (ctx.req.method === "HEAD" || end < start) return void res.end();
        const chunks = wavChunks(rec.duration_ms, rec.tones);
        let at = 0; // the file offset of the next chunk
        const pump = () => {
          for (let next = chunks.next(); !next.done; next = chunks.next()) {
            const chunk = next.value;
            const from = at;
            at += chunk.length;
            if (at <= start) continue;
            const piece = chunk.subarray(Math.max(0, start - from), Math.min(chunk.length, end + 1 - from));
            const more = res.write(piece);
            if (at > end) break;
            if (!more) return void res.once("drain", pump);
          }
          res.end();
        };
        pump();
      },
    };
  });
}

/**
 * One `bytes=` range against a file of `total` bytes: the span to send, "unsatisfiable" (416), or
 * null for the whole file (no header, several ranges, or one that does not parse — which a server
 * may ignore).
 */
export function byteRange(
  header: string | undefined,
  total: number,
): { start: number; end: number } | "unsatisfiable" | null {
  const m = header === undefined ? null : /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!m || (m[1] === "" && m[2] === "")) return null;
  if (m[1] === "") {
    const suffix = Number(m[2]);
    return suffix === 0 || total === 0 ? "unsatisfiable" : { start: Math.max(0, total - suffix), end: total - 1 };
  }
  const start = Number(m[1]);
  if (m[2] !== "" && Number(m[2]) < start) return null;
  if (start >= total) return "unsatisfiable";
  return { start, end: m[2] === "" ? total - 1 : Math.min(Number(m[2]), total - 1) };
}

const recordingOf = (em: Emulator, call: LiveCall) =>
  call.recording_id ? em.store.recordings.get(call.recording_id) : undefined;

const noRecording = (call: LiveCall) => apiError("calls.recording_not_found", `Call ${call.id} has no recording.`);

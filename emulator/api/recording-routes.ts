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
    return {
      status: 200,
      stream: (res) => {
        res.writeHead(200, {
          "Content-Type": "audio/wav",
          "Content-Length": String(wavByteLength(rec.duration_ms)),
          "Cache-Control": "private, max-age=0",
        });
        if (ctx.req.method === "HEAD") return void res.end();
        const chunks = wavChunks(rec.duration_ms, rec.tones);
        const pump = () => {
          for (let next = chunks.next(); !next.done; next = chunks.next()) {
            if (!res.write(next.value)) return void res.once("drain", pump);
          }
          res.end();
        };
        pump();
      },
    };
  });
}

const recordingOf = (em: Emulator, call: LiveCall) =>
  call.recording_id ? em.store.recordings.get(call.recording_id) : undefined;

const noRecording = (call: LiveCall) => apiError("calls.recording_not_found", `Call ${call.id} has no recording.`);

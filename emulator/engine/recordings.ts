import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { encodeFormBody } from "../../lib/sautikit/contract/common";
import { RECORDING_URL_TTL_SECONDS } from "../../lib/sautikit/contract/constants";
import type { Emulator } from "../context";
import type { LiveCall, Recording } from "../state/types";
import { iso, newId } from "../util";
import { emitCallEvent } from "./call-events";
import { wavByteLength, type Tone } from "./wav";

// Recordings live in memory and are served at a presigned-looking URL that expires after 15 min.

export class Recordings {
  private readonly key = randomBytes(32);

  constructor(private readonly em: Emulator) {}

  create(call: LiveCall, durationMs: number, tones: Tone[]): Recording {
    const rec: Recording = {
      id: newId(),
      call_id: call.id,
      workspace_id: call.workspace_id,
      duration_ms: Math.max(0, durationMs),
      tones: [...tones],
      created_at: iso(),
      deleted: false,
    };
    this.em.store.recordings.set(rec.id, rec);
    // The first recording of a call is the one the API serves.
    if (!call.recording_id) call.recording_id = rec.id;
    this.em.store.changed();
    return rec;
  }

  presignedUrl(rec: Recording, now: number = Date.now()): string {
    const expires = Math.floor(now / 1000) + RECORDING_URL_TTL_SECONDS;
    return `${this.em.publicUrl()}/recordings/${rec.id}.wav?expires=${expires}&sig=${this.sign(rec.id, expires)}`;
  }

  private sign(id: string, expires: number): string {
    return createHmac("sha256", this.key).update(`${id}:${expires}`).digest("hex");
  }

  /** "ok", or why a presigned URL cannot be served. */
  check(id: string, expires: string | null, sig: string | null): "ok" | "forbidden" | "expired" | "gone" | "missing" {
    const rec = this.em.store.recordings.get(id);
    if (!rec) return "missing";
    if (!expires || !sig || !/^\d+$/.test(expires) || !/^[0-9a-f]{64}$/.test(sig)) return "forbidden";
    const expected = Buffer.from(this.sign(id, Number(expires)), "hex");
    if (!timingSafeEqual(expected, Buffer.from(sig, "hex"))) return "forbidden";
    if (Number(expires) * 1000 < Date.now()) return "expired";
    return rec.deleted ? "gone" : "ok";
  }

  /** call.recording.ready on the recording call's number. */
  announce(call: LiveCall, recordingId: string): void {
    const rec = this.em.store.recordings.get(recordingId);
    if (!rec) return;
    emitCallEvent(this.em, call, "call.recording.ready", {
      call_id: call.id,
      session_id: call.session_id,
      number_id: call.number_id,
      recording_id: rec.id,
      duration_seconds: Math.round(rec.duration_ms / 1000),
      size_bytes: wavByteLength(rec.duration_ms),
      download_url: this.presignedUrl(rec),
      expires_at: iso(Date.now() + RECORDING_URL_TTL_SECONDS * 1000),
      ...(call.label ? { clientRequestId: call.label } : {}),
    });
    this.em.store.changed();
  }

  /** The record verb's `action` URL gets the recording's metadata (signed, retried like events). */
  notifyAction(call: LiveCall, rec: Recording, url: string): void {
    const ws = this.em.store.workspaces.get(call.workspace_id);
    const number = ws && this.em.store.numberById(ws, call.number_id);
    if (!number) return;
    const link = this.presignedUrl(rec);
    const eventId = newId();
    this.em.deliverer.enqueue({
      kind: "recording.completed",
      url,
      eventId,
      body: encodeFormBody({
        CallId: call.id,
        call_id: call.id,
        sessionId: call.session_id,
        RecordingUrl: link,
        recording_url: link,
        RecordingDuration: Math.round(rec.duration_ms / 1000),
        recording_id: rec.id,
        clientRequestId: call.label ?? undefined,
      }),
      contentType: "application/x-www-form-urlencoded",
      secret: number.voice_signing_secret,
      workspaceId: call.workspace_id,
    });
    this.announce(call, rec.id);
  }
}

import "server-only";
import { AppError } from "@/lib/errors";
import { clientFor, findConnection, notConnected, type ConnectionRow } from "@/lib/sautikit/connection";
import { sautikitCodeOf, sautikitStatusOf } from "@/lib/sautikit/map-error";

// Asks Sautikit where a recording is right now. Presigned URLs live 15 minutes, so nothing is
// cached: every playback and download starts here.

export type RecordingAvailability =
  | { status: "ready"; url: string }
  | { status: "pending"; retryAfterSeconds: number }
  | { status: "gone"; reason: string }
  | { status: "missing" };

export async function lookupRecordingAt(workspaceId: string, callId: string): Promise<RecordingAvailability> {
  const conn = await findConnection(workspaceId);
  if (!conn) throw notConnected();
  return lookupRecordingWith(conn, callId);
}

export async function lookupRecordingWith(conn: ConnectionRow, callId: string): Promise<RecordingAvailability> {
  const client = clientFor(conn);
  try {
    const r = await client.calls.recording(callId);
    if (r.status === "ready") return { status: "ready", url: r.url };
    if (r.status === "pending")
      return { status: "pending", retryAfterSeconds: Math.min(Math.max(1, Math.ceil(r.retryAfterSeconds)), 300) };
    return { status: "gone", reason: r.reason };
  } catch (e) {
    if (sautikitStatusOf(e) === 404) return { status: "missing" };
    if (sautikitStatusOf(e) === 410 || sautikitCodeOf(e) === "recording_unavailable")
      return { status: "gone", reason: "recording_unavailable" };
    throw e;
  }
}

/** The message a person sees when a recording cannot be played. */
export function unavailableError(a: Exclude<RecordingAvailability, { status: "ready" | "pending" }>): AppError {
  return a.status === "gone"
    ? new AppError("NOT_FOUND", "recordingGone")
    : new AppError("NOT_FOUND", "recordingMissing");
}

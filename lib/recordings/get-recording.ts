import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { findRecordingForActor } from "@/lib/recordings/recording-scope";
import { lookupRecordingAt, type RecordingAvailability } from "@/lib/recordings/lookup-recording";
import { forViewer } from "@/lib/privacy/phone-visibility";

export type RecordingDetails = {
  id: string;
  meetingId: string;
  meetingTitle: string;
  createdAt: string;
  durationSeconds: number | null;
  sizeBytes: number | null;
  /** Whether it can be played now; never the presigned URL itself (the audio route streams it). */
  availability: Exclude<RecordingAvailability, { status: "ready" }> | { status: "ready" };
};

/** One recording in the actor's scope, with Sautikit's current answer about its file. */
export async function getRecording(actor: Actor, recordingId: string): Promise<RecordingDetails> {
  const rec = await findRecordingForActor(actor, recordingId);
  const a = await lookupRecordingAt(actor.workspaceId, rec.callId);
  return forViewer(actor, {
    id: rec.id,
    meetingId: rec.meetingId,
    meetingTitle: rec.meeting.title,
    createdAt: rec.createdAt.toISOString(),
    durationSeconds: rec.durationSeconds,
    sizeBytes: rec.sizeBytes,
    availability: a.status === "ready" ? { status: "ready" } : a,
  });
}

import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";

// A recording reaches the app two ways — RecordingUrl / recording_call_id on the conference `end`
// event and the `call.recording.ready` event — in either order, possibly more than once. Both land
// here: the unique Recording.callId makes the first one create the row and later ones only fill in
// what was still unknown (duration, size). The stored URL is never kept: it expires after 15
// minutes, so playback always asks Sautikit for a fresh one.

export type CaptureInput = {
  workspaceId: string;
  /** The call the recording is attached to (recording_call_id / the ready event's call_id). */
  callId: string;
  /** Known from a conference event (the room belongs to this meeting). */
  meetingId?: string;
  /** Else the meeting is found through the app's leg for this call (or its client_request_id). */
  clientRequestId?: string;
  durationSeconds?: number;
  sizeBytes?: number;
  source: "conference.end" | "call.recording.ready";
};

export type CaptureResult =
  { status: "created" | "updated" | "unchanged"; recordingId: string } | { status: "ignored"; reason: string };

export async function captureRecording(input: CaptureInput): Promise<CaptureResult> {
  const meetingId = await resolveMeeting(input);
  if (!meetingId) return { status: "ignored", reason: "the call belongs to no meeting of this workspace" };

  for (let attempt = 0; attempt < 2; attempt++) {
    const existing = await db.recording.findUnique({ where: { callId: input.callId } });
    if (existing) {
      // Call ids are Sautikit's; a row of another workspace is never touched from this one.
      if (existing.workspaceId !== input.workspaceId) {
        log.warn(
          { callId: input.callId, workspaceId: input.workspaceId },
          "recording call id already stored for another workspace",
        );
        return { status: "ignored", reason: "call id belongs to another workspace" };
      }
      const fill: Prisma.RecordingUpdateInput = {};
      if (existing.durationSeconds === null && input.durationSeconds !== undefined)
        fill.durationSeconds = input.durationSeconds;
      if (existing.sizeBytes === null && input.sizeBytes !== undefined) fill.sizeBytes = input.sizeBytes;
      if (Object.keys(fill).length === 0) return { status: "unchanged", recordingId: existing.id };
      await db.recording.update({ where: { id: existing.id }, data: fill });
      return { status: "updated", recordingId: existing.id };
    }
    try {
      const created = await db.recording.create({
        data: {
          workspaceId: input.workspaceId,
          meetingId,
          callId: input.callId,
          durationSeconds: input.durationSeconds ?? null,
          sizeBytes: input.sizeBytes ?? null,
        },
      });
      log.info({ recordingId: created.id, callId: input.callId, source: input.source }, "recording captured");
      return { status: "created", recordingId: created.id };
    } catch (err) {
      // Both deliveries raced: the other one created the row; go round once more to fill it in.
      if (!(err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")) throw err;
    }
  }
  throw new Error(`could not capture the recording of call ${input.callId}`);
}

async function resolveMeeting(input: CaptureInput): Promise<string | null> {
  if (input.meetingId) {
    const m = await db.meeting.findFirst({
      where: { id: input.meetingId, workspaceId: input.workspaceId },
      select: { id: true },
    });
    return m?.id ?? null;
  }
  const leg =
    (await db.leg.findFirst({
      where: { workspaceId: input.workspaceId, callId: input.callId },
      select: { meetingId: true },
    })) ??
    (input.clientRequestId
      ? await db.leg.findFirst({
          where: { workspaceId: input.workspaceId, idempotencyKey: input.clientRequestId },
          select: { meetingId: true },
        })
      : null);
  return leg?.meetingId ?? null;
}

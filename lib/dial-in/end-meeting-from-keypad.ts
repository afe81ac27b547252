import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { jobsEnqueued } from "@/lib/jobs/wake";
import { log } from "@/lib/log";
import { getSautikitClient } from "@/lib/sautikit/connection";
import { recordRosterEvents } from "@/lib/roster/recompute-roster";
import { notifyRosterChanged } from "@/lib/roster/roster-bus";

export const HANGUP_CALL_JOB = "dial-in.hangup-call";
export const hangupJobSchema = z.object({ workspaceId: z.string().min(1), callId: z.string().min(1) });

/** Long enough for the host to hear that the meeting is ending before their own line drops. */
export const HOST_GOODBYE_MS = 6_000;

/**
 * *9 from the host's keypad: the meeting ends for everyone, as from the meeting page. Everyone else
 * is hung up now; the host's own leg a few seconds later (a durable job), after the goodbye.
 */
export async function endMeetingFromKeypad(workspaceId: string, meetingId: string, hostLegId: string): Promise<void> {
  const now = Date.now();
  const { live, hostCallId, roomName } = await db.$transaction(async (tx) => {
    const meeting = await tx.meeting.findFirstOrThrow({ where: { id: meetingId, workspaceId } });
    const legs = await tx.leg.findMany({ where: { meetingId, state: { not: "left" } } });
    await recordRosterEvents(tx, workspaceId, meetingId, [
      { key: "control-end", kind: "control.end", at: now },
      // Legs not yet dialled never will be.
      ...legs
        .filter((l) => !l.callId)
        .map((l) => ({
          key: `dial-failed:${l.id}`,
          kind: "dial.failed" as const,
          legId: l.id,
          reason: "meeting_ended" as const,
          at: now,
        })),
    ]);
    await tx.meeting.update({
      where: { id: meetingId },
      data: { status: "ended", endedAt: meeting.endedAt ?? new Date(now) },
    });
    await tx.auditLog.create({
      data: {
        workspaceId,
        actorId: null,
        action: "meeting.ended",
        target: meetingId,
        details: { via: "keypad", legId: hostLegId },
      },
    });
    const host = legs.find((l) => l.id === hostLegId);
    if (host?.callId) {
      await enqueueJob(
        {
          kind: HANGUP_CALL_JOB,
          payload: { workspaceId, callId: host.callId },
          uniqueKey: `hangup:${host.callId}`,
          runAt: new Date(now + HOST_GOODBYE_MS),
        },
        tx,
      );
    }
    return {
      live: legs.filter((l) => l.callId && l.id !== hostLegId),
      hostCallId: host?.callId,
      roomName: meeting.roomName,
    };
  });
  // The hangup job was enqueued inside the transaction: wake the worker for it now it is committed.
  if (hostCallId) jobsEnqueued(new Date(now + HOST_GOODBYE_MS));
  notifyRosterChanged(meetingId);
  if (live.length === 0) return;
  const client = await getSautikitClient(workspaceId);
  const results = await Promise.allSettled(live.map((l) => client.calls.hangup(l.callId!)));
  const failed = results.filter((r) => r.status === "rejected").length;
  if (failed) log.warn({ meetingId, roomName, hostCallId, failed }, "keypad end: some legs could not be hung up");
}

/** The job: hang one call up (idempotent at Sautikit: hanging up an ended call is a no-op). */
export async function hangupCallJob(payload: unknown): Promise<void> {
  const { workspaceId, callId } = hangupJobSchema.parse(payload);
  const client = await getSautikitClient(workspaceId);
  await client.calls.hangup(callId);
}

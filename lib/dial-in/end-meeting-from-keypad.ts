import "server-only";
import { z } from "zod";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { jobsEnqueued } from "@/lib/jobs/wake";
import { getSautikitClient } from "@/lib/sautikit/connection";
import { closeMeeting } from "@/lib/call-control/end-meeting";

export const HANGUP_CALL_JOB = "dial-in.hangup-call";
export const hangupJobSchema = z.object({ workspaceId: z.string().min(1), callId: z.string().min(1) });

/** Long enough for the host to hear that the meeting is ending before their own line drops. */
export const HOST_GOODBYE_MS = 6_000;

/**
 * *9 from the host's keypad: the meeting ends for everyone, as from the meeting page. Everyone else
 * is hung up now; the host's own leg a few seconds later (a durable job), after the goodbye.
 */
export async function endMeetingFromKeypad(workspaceId: string, meetingId: string, hostLegId: string): Promise<void> {
  let hostCallId: string | null = null;
  let goodbyeAt = 0;
  // The same end as the meeting page's (under the meeting lock), minus the host's own leg, which a
  // durable job hangs up after the goodbye.
  await closeMeeting(workspaceId, meetingId, {
    actorId: null,
    details: { via: "keypad", legId: hostLegId },
    keepLegId: hostLegId,
    alsoInTransaction: async (tx, now) => {
      const host = await tx.leg.findFirst({ where: { id: hostLegId, meetingId }, select: { callId: true } });
      hostCallId = host?.callId ?? null;
      if (!hostCallId) return;
      goodbyeAt = now + HOST_GOODBYE_MS;
      await enqueueJob(
        {
          kind: HANGUP_CALL_JOB,
          payload: { workspaceId, callId: hostCallId },
          uniqueKey: `hangup:${hostCallId}`,
          runAt: new Date(goodbyeAt),
        },
        tx,
      );
    },
  });
  // The hangup job was enqueued inside the transaction: wake the worker for it now it is committed.
  if (hostCallId) jobsEnqueued(new Date(goodbyeAt));
}

/** The job: hang one call up (idempotent at Sautikit: hanging up an ended call is a no-op). */
export async function hangupCallJob(payload: unknown): Promise<void> {
  const { workspaceId, callId } = hangupJobSchema.parse(payload);
  const client = await getSautikitClient(workspaceId);
  await client.calls.hangup(callId);
}

import "server-only";
import { z } from "zod";
import { closeMeeting } from "@/lib/call-control/end-meeting";
import { stopFor } from "@/lib/call-control/schedule-hard-stop";
import { db } from "@/lib/db";
import { RetryLater } from "@/lib/jobs/retry-later";
import { log } from "@/lib/log";

export { HARD_STOP_JOB } from "@/lib/call-control/schedule-hard-stop";

const payloadSchema = z.object({ workspaceId: z.string().min(1), meetingId: z.string().min(1) });

/** The job: end the meeting if its stop has passed; otherwise wait for the stop as it now stands. */
export async function runHardStopJob(payload: unknown, now: number): Promise<void> {
  const { workspaceId, meetingId } = payloadSchema.parse(payload);
  const m = await db.meeting.findFirst({ where: { id: meetingId, workspaceId }, include: { workspace: true } });
  if (!m || m.status === "ended" || m.status === "cancelled") return;
  const stop = stopFor(m);
  if (!stop) return; // Not started: armed again when the room starts.
  if (stop.at > now) throw new RetryLater("hard stop not reached yet", stop.at - now);
  const result = await closeMeeting(workspaceId, meetingId, {
    actorId: null,
    details: { via: "hard-stop", stopAt: new Date(stop.at).toISOString() },
    // Decided again under the lock: an extension may have committed since the read above.
    stillDue: (locked) => (stopFor(locked)?.at ?? Infinity) <= now,
  });
  if (!result.ended) {
    const moved = stopFor(
      await db.meeting.findFirstOrThrow({ where: { id: meetingId }, include: { workspace: true } }),
    );
    if (moved && moved.at > now) throw new RetryLater("extended while stopping", moved.at - now);
    return;
  }
  // A hangup Sautikit did not take leaves a leg the stale-leg sweep (lib/reconcile/) ends later.
  log.info({ meetingId, hungUp: result.hungUp, failed: result.failed }, "meeting reached its hard stop");
}

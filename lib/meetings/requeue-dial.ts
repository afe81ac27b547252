import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { DIAL_LEG_JOB } from "@/lib/meetings/dial-participant";

type JobWriter = Pick<Prisma.TransactionClient, "job">;

/**
 * A leg still waiting to be dialled (no call yet) gets its job due at `runAt`: a job that gave up
 * or vanished is revived, one held back by failed tries is pulled forward. A job running right now is left alone (the
 * conditional update cannot revive a job a worker claimed meanwhile). True when it was queued.
 */
export async function requeueWaitingDial(
  tx: JobWriter,
  leg: { id: string; state: string; callId: string | null; idempotencyKey: string | null },
  runAt: Date,
): Promise<boolean> {
  if (leg.state !== "created" || leg.callId || !leg.idempotencyKey) return false;
  const keys = [`dial:${leg.idempotencyKey}`, `flash:${leg.idempotencyKey}`];
  const job = await tx.job.findFirst({ where: { uniqueKey: { in: keys } }, orderBy: { createdAt: "desc" } });
  if (!job) {
    await enqueueJob({ kind: DIAL_LEG_JOB, payload: { legId: leg.id }, uniqueKey: keys[0], runAt }, tx);
    return true;
  }
  // A dial waiting for its first try is on its way already: nothing to re-queue.
  if (job.status === "pending" && job.attempts === 0) return false;
  const { count } = await tx.job.updateMany({
    where: { id: job.id, status: { in: ["pending", "failed", "done"] } },
    data: {
      status: "pending",
      runAt,
      lockedUntil: null,
      lockedBy: null,
      ...(job.status === "pending" ? {} : { attempts: 0 }),
    },
  });
  return count > 0;
}

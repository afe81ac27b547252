import "server-only";
import { db } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { log } from "@/lib/log";
import { reconcileStaleLegs, requeueStalledDials } from "@/lib/reconcile/reconcile-legs";

// The reconciliation sweep is a durable job chained to itself: one per time slot by unique key,
// so N app instances (and restarts) run each slot once, and a crash mid-sweep is retried.

export const RECONCILE_JOB = "roster.reconcile";
export const RECONCILE_EVERY_MS = 30_000;
const KEEP_DONE_MS = 3_600_000;

function slotKey(at: Date): string {
  return `${RECONCILE_JOB}:${Math.floor(at.getTime() / RECONCILE_EVERY_MS)}`;
}

/** Ensures the sweep for the slot containing `at` is queued (idempotent). */
export async function scheduleReconcile(at: Date = new Date()): Promise<void> {
  await enqueueJob({ kind: RECONCILE_JOB, uniqueKey: slotKey(at), runAt: at, maxAttempts: 3 });
}

/** The RECONCILE_JOB runner: schedules the next slot, then sweeps (live legs, then queued dials with no job left). */
export async function runReconcileJob(): Promise<void> {
  const now = new Date();
  // Chain first: a failing sweep must not stop the next ones.
  await scheduleReconcile(new Date(now.getTime() + RECONCILE_EVERY_MS));
  await db.job.deleteMany({
    where: { kind: RECONCILE_JOB, status: "done", updatedAt: { lt: new Date(now.getTime() - KEEP_DONE_MS) } },
  });
  const result = await reconcileStaleLegs({ now });
  const requeued = await requeueStalledDials({ now });
  if (result.checked || result.failed || requeued) log.info({ ...result, requeued }, "reconcile sweep");
}

import "server-only";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { claimJobs, type ClaimedJob } from "@/lib/jobs/claim-jobs";
import { jobRunners, type JobRunners } from "@/lib/jobs/registry";
import { isRetryLater } from "@/lib/jobs/retry-later";

export type RunOptions = {
  workerId: string;
  limit?: number;
  leaseMs?: number;
  baseRetryMs?: number;
  maxRetryMs?: number;
  /** Which function runs each kind: the app's wiring unless a test brings its own. */
  runners?: JobRunners;
  /** The clock jobs are claimed and rescheduled by (tests pass a fake one to let minutes pass). */
  now?: () => number;
};

// limit 1: claim only the job about to run. Jobs run one after another, and a claimed job that
// never started still waits out its whole lease (60 s) if this process dies — with a batch, a crash
// left the rest of the batch (e.g. the next dials of Call everyone) stranded for a minute.
export const JOB_DEFAULTS = {
  limit: 1,
  leaseMs: 60_000,
  baseRetryMs: 2_000,
  maxRetryMs: 15 * 60_000,
  runners: jobRunners,
  now: Date.now,
} as const;

/** Claims due jobs and runs them; returns how many were claimed. */
export async function runDueJobs(opts: RunOptions): Promise<number> {
  const o = { ...JOB_DEFAULTS, ...opts };
  const jobs = await claimJobs(o.workerId, o.limit, o.leaseMs, new Date(o.now()));
  for (const job of jobs) await runOne(job, o);
  return jobs.length;
}

async function runOne(job: ClaimedJob, o: Required<RunOptions>): Promise<void> {
  const handler = o.runners[job.kind];
  try {
    if (!handler) throw new Error(`no handler registered for job kind "${job.kind}"`);
    await handler(job.payload, { jobId: job.id, attempt: job.attempts, maxAttempts: job.maxAttempts, now: o.now() });
    // Guarded by lockedBy: if our lease expired and another worker took the job, its outcome wins.
    await db.job.updateMany({
      where: { id: job.id, lockedBy: o.workerId },
      data: { status: "done", lockedUntil: null, lastError: null },
    });
  } catch (err) {
    const message = err instanceof Error ? err.message.slice(0, 1000) : String(err);
    // RetryLater: the handler chose when to run again, and it does not use up an attempt.
    const later = isRetryLater(err);
    const exhausted = !later && job.attempts >= job.maxAttempts;
    const delay = later ? err.delayMs : retryDelay(err, job.attempts, o);
    await db.job.updateMany({
      where: { id: job.id, lockedBy: o.workerId },
      data: exhausted
        ? { status: "failed", lockedUntil: null, lastError: message }
        : { status: "pending", lockedUntil: null, lastError: message, runAt: new Date(o.now() + delay) },
    });
    if (later) {
      log.info(
        { jobId: job.id, kind: job.kind, attempt: job.attempts, delayMs: delay, reason: message },
        "job will run again later",
      );
      return;
    }
    log[exhausted ? "error" : "warn"](
      { err, jobId: job.id, kind: job.kind, attempt: job.attempts },
      exhausted ? "job failed for good" : "job failed; will retry",
    );
  }
}

// Exponential backoff with full jitter; a rate-limited Sautikit call waits at least its Retry-After.
function retryDelay(err: unknown, attempt: number, o: Required<RunOptions>): number {
  const jittered = Math.floor(Math.random() * Math.min(o.maxRetryMs, o.baseRetryMs * 2 ** (attempt - 1)));
  const hinted = isAppError(err) && err.retryAfter ? err.retryAfter * 1000 : 0;
  return Math.max(jittered, hinted, 100);
}

import "server-only";
import { db } from "@/lib/db";

export type ClaimedJob = { id: string; kind: string; payload: unknown; attempts: number; maxAttempts: number };

/**
 * Leases up to `limit` due jobs to this worker. `FOR UPDATE SKIP LOCKED` lets several app
 * processes poll one table without ever handing the same job to two of them; a running job whose
 * lease ran out (its worker crashed) is due again. Times are passed in, never taken from the
 * database clock, so PGlite and PostgreSQL agree whatever their session time zone.
 */
export async function claimJobs(
  workerId: string,
  limit: number,
  leaseMs: number,
  now: Date = new Date(),
): Promise<ClaimedJob[]> {
  const lockedUntil = new Date(now.getTime() + leaseMs);
  return db.$queryRaw<ClaimedJob[]>`
    UPDATE "Job" SET
      "status" = 'running', "lockedUntil" = ${lockedUntil}, "lockedBy" = ${workerId},
      "attempts" = "attempts" + 1, "updatedAt" = ${now}
    WHERE "id" IN (
      SELECT "id" FROM "Job"
      WHERE ("status" = 'pending' AND "runAt" <= ${now})
         OR ("status" = 'running' AND "lockedUntil" < ${now})
      ORDER BY "runAt" ASC
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "kind", "payload", "attempts", "maxAttempts"`;
}

/** When the earliest waiting job is due (null when none is waiting), so an idle worker knows how long it may sleep. */
export async function nextPendingRunAt(): Promise<Date | null> {
  const next = await db.job.findFirst({
    where: { status: "pending" },
    orderBy: { runAt: "asc" },
    select: { runAt: true },
  });
  return next?.runAt ?? null;
}

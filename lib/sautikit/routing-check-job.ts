import "server-only";
import { db } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { log } from "@/lib/log";
import { checkRouting } from "@/lib/sautikit/check-routing";

// The periodic routing check: a durable job chained to itself, one per 10-minute slot by unique key
// (several instances and restarts run each slot once), that checks every connected workspace.
// Numbers re-pointed on Sautikit's side send no event to the app, so only asking finds out.

export const ROUTING_CHECK_JOB = "sautikit.check-routing";
export const ROUTING_CHECK_EVERY_MS = 10 * 60_000;
const KEEP_DONE_MS = 24 * 3_600_000;
/** Workspaces checked per sweep (one GET /v1/numbers each, least recently checked first). */
const MAX_PER_SWEEP = 200;

function slotKey(at: Date): string {
  return `${ROUTING_CHECK_JOB}:${Math.floor(at.getTime() / ROUTING_CHECK_EVERY_MS)}`;
}

export async function scheduleRoutingCheck(at: Date = new Date()): Promise<void> {
  await enqueueJob({ kind: ROUTING_CHECK_JOB, uniqueKey: slotKey(at), runAt: at, maxAttempts: 3 });
}

export async function checkAllRouting(
  now: Date = new Date(),
): Promise<{ checked: number; mismatched: number; unavailable: number }> {
  const conns = await db.sautikitConnection.findMany({
    where: { OR: [{ dialInNumber: { not: null } }, { callerIdNumber: { not: null } }] },
    orderBy: { routingCheckedAt: { sort: "asc", nulls: "first" } },
    take: MAX_PER_SWEEP,
    select: { workspaceId: true },
  });
  const result = { checked: 0, mismatched: 0, unavailable: 0 };
  for (const c of conns) {
    try {
      const r = await checkRouting(c.workspaceId, { now });
      if (r.status === "checked") {
        result.checked++;
        if (r.problems.length) result.mismatched++;
      } else if (r.status === "unavailable") result.unavailable++;
    } catch (err) {
      log.warn({ err, workspaceId: c.workspaceId }, "routing check failed");
    }
  }
  return result;
}

/** The ROUTING_CHECK_JOB runner (lib/jobs/registry.ts): schedules the next slot, then checks. */
export async function runRoutingCheckJob(): Promise<void> {
  const now = new Date();
  // Chain first: a failing sweep must not stop the next ones.
  await scheduleRoutingCheck(new Date(now.getTime() + ROUTING_CHECK_EVERY_MS));
  await db.job.deleteMany({
    where: { kind: ROUTING_CHECK_JOB, status: "done", updatedAt: { lt: new Date(now.getTime() - KEEP_DONE_MS) } },
  });
  const result = await checkAllRouting(now);
  if (result.mismatched || result.unavailable) log.info(result, "routing check sweep");
}

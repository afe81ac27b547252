import "server-only";
import { db } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue-job";

// Retention for the webhook tables, which grow with every call. A daily job, one per day by
// unique key, so several app processes (or restarts) never schedule it twice. Sautikit stops
// retrying an event after about 33 hours, so old event ids are no longer needed for dedupe.

export const PRUNE_WEBHOOK_LOG_JOB = "webhooks.prune-log";
export const DELIVERY_LOG_DAYS = 30;
export const EVENT_STORE_DAYS = 90;
const DAY_MS = 86_400_000;

export async function pruneWebhookLog(now: Date = new Date()): Promise<{ deliveries: number; events: number }> {
  const deliveries = await db.webhookDelivery.deleteMany({
    where: { receivedAt: { lt: new Date(now.getTime() - DELIVERY_LOG_DAYS * DAY_MS) } },
  });
  // Only applied events: one still waiting for a redelivery to apply it is kept however old.
  const events = await db.webhookEvent.deleteMany({
    where: { receivedAt: { lt: new Date(now.getTime() - EVENT_STORE_DAYS * DAY_MS) }, appliedAt: { not: null } },
  });
  return { deliveries: deliveries.count, events: events.count };
}

/** Ensures today's prune is queued (idempotent); each run queues the next day's. */
export async function scheduleWebhookPrune(now: Date = new Date()): Promise<void> {
  await enqueueJob({
    kind: PRUNE_WEBHOOK_LOG_JOB,
    uniqueKey: `${PRUNE_WEBHOOK_LOG_JOB}:${now.toISOString().slice(0, 10)}`,
    runAt: now,
  });
}

/** The PRUNE_WEBHOOK_LOG_JOB runner: prunes, then schedules tomorrow's. */
export async function runWebhookPruneJob(): Promise<void> {
  await pruneWebhookLog();
  await scheduleWebhookPrune(new Date(Date.now() + DAY_MS));
}

// Next.js start-up hook: hands the webhook lane to the production server and starts this process's
// durable-jobs worker. Node.js runtime only (the edge runtime has no database), never while
// `next build` collects pages; the worker is off when MKUTANO_DISABLE_WORKER is set (migrations,
// one-off scripts, tests that drive jobs themselves).
export async function register(): Promise<void> {
  // Next inlines these two at build time; they are framework signals, not app configuration.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // Runs during the production server's app.prepare(), before it listens (ADR 0008).
  const { installWebhookLane } = await import("@/lib/http/webhook-lane");
  installWebhookLane();
  const { env } = await import("@/lib/env");
  if (env().MKUTANO_DISABLE_WORKER) return;
  const { ensureJobWorker } = await import("@/lib/jobs/worker");
  // No signal handlers here: the production server owns shutdown (lane.close), and a job cut off
  // mid-run is picked up again once its lease expires (every job is idempotent).
  ensureJobWorker();
  const { scheduleWebhookPrune } = await import("@/lib/webhooks/prune-webhook-log");
  const { log } = await import("@/lib/log");
  // A database that is not migrated yet must not stop the app from starting.
  await scheduleWebhookPrune().catch((err: unknown) => log.warn({ err }, "could not schedule the webhook log prune"));
  const { scheduleReconcile } = await import("@/lib/reconcile/reconcile-job");
  await scheduleReconcile().catch((err: unknown) =>
    log.warn({ err }, "could not schedule the roster reconciliation sweep"),
  );
  const { scheduleRoutingCheck } = await import("@/lib/sautikit/routing-check-job");
  await scheduleRoutingCheck().catch((err: unknown) =>
    log.warn({ err }, "could not schedule the Sautikit routing check"),
  );
}

// Webhook-log retention on a real database: old deliveries and applied events go, recent ones and
// unapplied events stay; the daily job is scheduled once per day and chains to the next day.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-db";

let database: TestDatabase;
let db: typeof import("@/lib/db").db;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  ({ db } = await import("@/lib/db"));
});
afterAll(async () => {
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
  await database?.drop();
});

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

describe("webhook log retention", () => {
  it("prunes what is old and applied, keeps the rest", async () => {
    const { pruneWebhookLog } = await import("@/lib/webhooks/prune-webhook-log");
    const ws = randomUUID();
    const delivery = (receivedAt: Date) => ({
      workspaceId: ws,
      route: "call-events",
      verdict: "accepted",
      statusCode: 200,
      latencyMs: 3,
      receivedAt,
    });
    await db.webhookDelivery.createMany({ data: [delivery(daysAgo(31)), delivery(daysAgo(29)), delivery(new Date())] });
    const event = (eventId: string, receivedAt: Date, appliedAt: Date | null) => ({
      workspaceId: ws,
      eventId,
      kind: "call.started",
      payload: {},
      receivedAt,
      appliedAt,
    });
    await db.webhookEvent.createMany({
      data: [
        event("old-applied", daysAgo(91), daysAgo(91)),
        event("old-unapplied", daysAgo(91), null),
        event("recent", daysAgo(10), daysAgo(10)),
      ],
    });

    expect(await pruneWebhookLog()).toEqual({ deliveries: 1, events: 1 });
    expect(await db.webhookDelivery.count({ where: { workspaceId: ws } })).toBe(2);
    expect(
      (
        await db.webhookEvent.findMany({
          where: { workspaceId: ws },
          select: { eventId: true },
          orderBy: { eventId: "asc" },
        })
      ).map((e) => e.eventId),
    ).toEqual(["old-unapplied", "recent"]);
  });

  it("schedules one prune per day and chains to the next", async () => {
    const { scheduleWebhookPrune, PRUNE_WEBHOOK_LOG_JOB } = await import("@/lib/webhooks/prune-webhook-log");
    const { runDueJobs } = await import("@/lib/jobs/run-due-jobs");
    await scheduleWebhookPrune();
    await scheduleWebhookPrune();
    expect(await db.job.count({ where: { kind: PRUNE_WEBHOOK_LOG_JOB } })).toBe(1);
    expect(await runDueJobs({ workerId: "t" })).toBe(1);
    const jobs = await db.job.findMany({ where: { kind: PRUNE_WEBHOOK_LOG_JOB }, orderBy: { runAt: "asc" } });
    expect(jobs.map((j) => j.status)).toEqual(["done", "pending"]);
    expect(jobs[1]!.runAt.getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
  });
});

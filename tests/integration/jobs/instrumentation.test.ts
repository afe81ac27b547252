// Next's start-up hook (instrumentation.ts) starts exactly one job worker in the Node.js runtime,
// none on the edge runtime or with MKUTANO_DISABLE_WORKER, and that worker runs queued jobs.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-db";

let database: TestDatabase;
const saved = { ...process.env };

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
});
afterAll(async () => {
  const { stopJobWorker } = await import("@/lib/jobs/worker");
  await stopJobWorker();
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
  await database?.drop();
  process.env = saved;
});

const workerOf = () => (globalThis as { __mkutanoJobWorker?: { id: string } }).__mkutanoJobWorker;

describe("instrumentation register()", () => {
  it("starts nothing outside the Node.js runtime", async () => {
    process.env.NEXT_RUNTIME = "edge";
    const { register } = await import("@/instrumentation");
    await register();
    expect(workerOf()).toBeUndefined();
  });

  it("starts one worker in Node.js, which runs queued jobs", async () => {
    process.env.NEXT_RUNTIME = "nodejs";
    const { register } = await import("@/instrumentation");
    await register();
    const first = workerOf();
    expect(first).toBeDefined();
    await register();
    expect(workerOf()).toBe(first);

    // register() schedules the daily webhook-log prune; the worker runs it with the app's wiring,
    // and the runner chains tomorrow's.
    const { db } = await import("@/lib/db");
    const { PRUNE_WEBHOOK_LOG_JOB } = await import("@/lib/webhooks/prune-webhook-log");
    await expect
      .poll(() => db.job.count({ where: { kind: PRUNE_WEBHOOK_LOG_JOB, status: "done" } }), {
        timeout: 10_000,
        interval: 50,
      })
      .toBe(1);
    expect(
      await db.job.count({ where: { kind: PRUNE_WEBHOOK_LOG_JOB, status: "pending", runAt: { gt: new Date() } } }),
    ).toBe(1);
  });

  it("starts nothing when MKUTANO_DISABLE_WORKER is set", async () => {
    const { stopJobWorker } = await import("@/lib/jobs/worker");
    await stopJobWorker();
    vi.resetModules(); // lib/env reads its configuration once per module instance
    process.env.MKUTANO_DISABLE_WORKER = "1";
    process.env.NEXT_RUNTIME = "nodejs";
    const { register } = await import("@/instrumentation");
    await register();
    expect(workerOf()).toBeUndefined();
  });
});

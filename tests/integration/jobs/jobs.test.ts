// Durable jobs on a real database: enqueue, claim with FOR UPDATE SKIP LOCKED, retries with
// backoff, permanent failure, unique keys, and lease expiry after a crashed worker.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-db";
import type { JobRunner } from "@/lib/jobs/registry";

let database: TestDatabase;
/** This file's own job kinds, in place of the app's wiring. */
const runners: Record<string, JobRunner> = {};
let m: {
  db: typeof import("@/lib/db").db;
  disconnectDb: typeof import("@/lib/db").disconnectDb;
  enqueueJob: typeof import("@/lib/jobs/enqueue-job").enqueueJob;
  claimJobs: typeof import("@/lib/jobs/claim-jobs").claimJobs;
  runDueJobs: typeof import("@/lib/jobs/run-due-jobs").runDueJobs;
  registerJobHandler: (kind: string, runner: JobRunner) => void;
  startJobWorker: typeof import("@/lib/jobs/worker").startJobWorker;
};

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  const [dbm, enq, claim, run, worker] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/jobs/enqueue-job"),
    import("@/lib/jobs/claim-jobs"),
    import("@/lib/jobs/run-due-jobs"),
    import("@/lib/jobs/worker"),
  ]);
  m = {
    db: dbm.db,
    disconnectDb: dbm.disconnectDb,
    enqueueJob: enq.enqueueJob,
    claimJobs: claim.claimJobs,
    runDueJobs: run.runDueJobs,
    registerJobHandler: (kind, runner) => void (runners[kind] = runner),
    startJobWorker: worker.startJobWorker,
  };
});

afterAll(async () => {
  await m?.disconnectDb();
  await database?.drop();
});

beforeEach(async () => {
  await m.db.job.deleteMany({});
});

describe("durable jobs", () => {
  it("runs a due job once and marks it done; leaves future jobs alone", async () => {
    const seen: unknown[] = [];
    m.registerJobHandler("t.echo", async (payload) => void seen.push(payload));
    const now = await m.enqueueJob({ kind: "t.echo", payload: { n: 1 } });
    const later = await m.enqueueJob({ kind: "t.echo", payload: { n: 2 }, runAt: new Date(Date.now() + 60_000) });
    expect(await m.runDueJobs({ runners, workerId: "w1" })).toBe(1);
    expect(await m.runDueJobs({ runners, workerId: "w1" })).toBe(0);
    expect(seen).toEqual([{ n: 1 }]);
    expect(await m.db.job.findUnique({ where: { id: now.id } })).toMatchObject({
      status: "done",
      attempts: 1,
      lockedUntil: null,
    });
    expect(await m.db.job.findUnique({ where: { id: later.id } })).toMatchObject({ status: "pending", attempts: 0 });
  });

  it("keeps one job per unique key", async () => {
    const a = await m.enqueueJob({ kind: "t.echo", uniqueKey: "dial:m1:p1:1" });
    const b = await m.enqueueJob({ kind: "t.echo", uniqueKey: "dial:m1:p1:1" });
    const [c, d] = await Promise.all([
      m.enqueueJob({ kind: "t.echo", uniqueKey: "dial:m1:p2:1" }),
      m.enqueueJob({ kind: "t.echo", uniqueKey: "dial:m1:p2:1" }),
    ]);
    expect(a.created).toBe(true);
    expect(b).toEqual({ id: a.id, created: false });
    expect(c.id).toBe(d.id);
    expect([c.created, d.created].filter(Boolean)).toHaveLength(1);
    expect(await m.db.job.count()).toBe(2);
  });

  it("retries a failing job with backoff, then gives up after maxAttempts", async () => {
    let calls = 0;
    m.registerJobHandler("t.flaky", async () => {
      calls++;
      throw new Error(`boom ${calls}`);
    });
    const job = await m.enqueueJob({ kind: "t.flaky", maxAttempts: 3 });
    await m.runDueJobs({ runners, workerId: "w1", baseRetryMs: 10_000 });
    const afterOne = await m.db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(afterOne).toMatchObject({ status: "pending", attempts: 1, lastError: "boom 1", lockedUntil: null });
    expect(afterOne.runAt.getTime()).toBeGreaterThan(Date.now());
    // Not due yet: nothing runs.
    expect(await m.runDueJobs({ runners, workerId: "w1" })).toBe(0);
    for (let i = 0; i < 2; i++) {
      await m.db.job.update({ where: { id: job.id }, data: { runAt: new Date(Date.now() - 1) } });
      await m.runDueJobs({ runners, workerId: "w1" });
    }
    expect(await m.db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: "failed",
      attempts: 3,
      lastError: "boom 3",
    });
    expect(calls).toBe(3);
  });

  it("re-runs a job whose worker died (lease expired), and never one that is leased", async () => {
    let runs = 0;
    m.registerJobHandler("t.lease", async () => void runs++);
    const job = await m.enqueueJob({ kind: "t.lease" });
    // Worker A claims it and "crashes" (never reports back).
    const claimed = await m.claimJobs("worker-a", 5, 60_000);
    expect(claimed.map((j) => j.id)).toEqual([job.id]);
    expect(await m.runDueJobs({ runners, workerId: "worker-b" })).toBe(0);
    await m.db.job.update({ where: { id: job.id }, data: { lockedUntil: new Date(Date.now() - 1) } });
    expect(await m.runDueJobs({ runners, workerId: "worker-b" })).toBe(1);
    expect(runs).toBe(1);
    expect(await m.db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: "done",
      attempts: 2,
      lockedBy: "worker-b",
    });
  });

  it("hands each job to exactly one of several concurrent claimers", async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => m.enqueueJob({ kind: "t.echo", payload: { i } })));
    const batches = await Promise.all(["a", "b", "c"].map((w) => m.claimJobs(w, 5, 60_000)));
    const ids = batches.flat().map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(12);
  });

  it("claims only the job it is about to run, so a crash mid-job strands no other due job", async () => {
    const running: number[] = [];
    m.registerJobHandler(
      "t.peek",
      async () => void running.push(await m.db.job.count({ where: { kind: "t.peek", status: "running" } })),
    );
    await Promise.all([0, 1, 2].map((i) => m.enqueueJob({ kind: "t.peek", payload: { i } })));
    for (let i = 0; i < 3; i++) expect(await m.runDueJobs({ runners, workerId: "w1" })).toBe(1);
    expect(running).toEqual([1, 1, 1]);
  });

  it("the worker loop drains due jobs and stops cleanly", async () => {
    const done: number[] = [];
    m.registerJobHandler("t.loop", async (p) => void done.push((p as { i: number }).i));
    await Promise.all([0, 1, 2, 3, 4, 5, 6].map((i) => m.enqueueJob({ kind: "t.loop", payload: { i } })));
    const worker = m.startJobWorker({ runners, workerId: "loop", intervalMs: 20 });
    try {
      await expect.poll(() => done.length, { timeout: 10_000, interval: 20 }).toBe(7);
    } finally {
      await worker.stop();
    }
    expect(done.sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(await m.db.job.count({ where: { status: "done" } })).toBe(7);
  });
});

// The worker sleeps only until the next job is due: a job enqueued in this process wakes it, and
// after a drain it sleeps until the earliest waiting job's runAt rather than a whole poll interval.
// The poll interval here is 10 s, so a worker that merely polled would start these jobs ~9 s
// late; the bound below (4 s) leaves room for a heavily loaded machine and still fails that behaviour.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-db";
import { makeUntil } from "@/tests/support/until";
import type { JobRunners } from "@/lib/jobs/registry";
import type { WorkerHandle } from "@/lib/jobs/worker";

const POLL_MS = 10_000;
const LATE_BOUND_MS = 4_000;
const until = makeUntil({ timeoutMs: 20_000, intervalMs: 10 });

let database: TestDatabase;
let m: {
  db: typeof import("@/lib/db").db;
  disconnectDb: typeof import("@/lib/db").disconnectDb;
  enqueueJob: typeof import("@/lib/jobs/enqueue-job").enqueueJob;
  startJobWorker: typeof import("@/lib/jobs/worker").startJobWorker;
};
let worker: WorkerHandle | undefined;
/** Job name → when its handler started (ms since the epoch). */
const started = new Map<string, number>();
/** This file's own job kind, in place of the app's wiring. */
const runners: JobRunners = { "t.wake": async (p) => void started.set((p as { name: string }).name, Date.now()) };

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  const [dbm, enq, w] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/jobs/enqueue-job"),
    import("@/lib/jobs/worker"),
  ]);
  m = { db: dbm.db, disconnectDb: dbm.disconnectDb, enqueueJob: enq.enqueueJob, startJobWorker: w.startJobWorker };
});

afterAll(async () => {
  await m?.disconnectDb();
  await database?.drop();
});

beforeEach(async () => {
  started.clear();
  await m.db.job.deleteMany({});
});

afterEach(async () => {
  await worker?.stop();
  worker = undefined;
});

const enqueue = (name: string, runAt: Date) => m.enqueueJob({ kind: "t.wake", payload: { name }, runAt });

/** Starts a worker and returns once it has drained a first job, i.e. once it is asleep. */
async function idleWorker(): Promise<void> {
  await enqueue("warm-up", new Date());
  worker = m.startJobWorker({ runners, workerId: "wake", intervalMs: POLL_MS });
  await until("the warm-up job", () => started.has("warm-up"));
  await until(
    "the warm-up job to be marked done",
    async () => (await m.db.job.count({ where: { status: { not: "done" } } })) === 0,
  );
}

describe("job worker wake-up", () => {
  it("a job enqueued in this process for 150 ms from now runs then, not at the next poll", async () => {
    await idleWorker();
    const runAt = new Date(Date.now() + 150);
    await enqueue("soon", runAt);
    const at = await until("the job to run", () => started.get("soon"));
    expect(at).toBeGreaterThanOrEqual(runAt.getTime());
    expect(at - runAt.getTime()).toBeLessThan(LATE_BOUND_MS);
  });

  it("after a drain it sleeps only until the next job is due (found in the database, no wake-up call)", async () => {
    // Both are stored before the worker exists, so only its own look-up can find the later one.
    const now = Date.now();
    await enqueue("first", new Date(now));
    const later = new Date(now + 800);
    await enqueue("later", later);
    worker = m.startJobWorker({ runners, workerId: "wake", intervalMs: POLL_MS });
    const at = await until("the later job to run", () => started.get("later"));
    expect(started.get("first")).toBeLessThan(at);
    expect(at).toBeGreaterThanOrEqual(later.getTime());
    expect(at - later.getTime()).toBeLessThan(LATE_BOUND_MS);
  });

  it("runs jobs spaced 100 ms apart each at its own time, in order, not in bursts once per poll", async () => {
    await idleWorker();
    const t0 = Date.now() + 100;
    const due = Array.from({ length: 10 }, (_, i) => new Date(t0 + i * 100));
    for (const [i, runAt] of due.entries()) await enqueue(`paced-${i}`, runAt);
    await until("all paced jobs", () => due.every((_, i) => started.has(`paced-${i}`)));
    const times = due.map((_, i) => started.get(`paced-${i}`)!);
    for (const [i, runAt] of due.entries()) {
      expect(times[i]).toBeGreaterThanOrEqual(runAt.getTime());
      expect(times[i]! - runAt.getTime()).toBeLessThan(LATE_BOUND_MS);
    }
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });
});

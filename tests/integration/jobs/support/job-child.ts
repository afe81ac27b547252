// A stand-in app process for the restart test: `crash` enqueues two jobs and dies in the middle of
// the first; `resume` is the restarted process, which finishes everything and reports the rows.
// Run: node --conditions=react-server --import tsx job-child.ts crash|resume <marker-file>
import { appendFileSync } from "node:fs";
import { db, disconnectDb } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import type { JobRunners } from "@/lib/jobs/registry";
import { runDueJobs } from "@/lib/jobs/run-due-jobs";
import { startJobWorker } from "@/lib/jobs/worker";

const [mode, marker] = process.argv.slice(2);
if ((mode !== "crash" && mode !== "resume") || !marker)
  throw new Error("usage: job-child.ts crash|resume <marker-file>");
const LEASE_MS = 1_000;

// This test's own job kind, in place of the app's wiring.
const runners: JobRunners = {
  "restart.record": async (payload, ctx) => {
    const { name, crashOnFirstAttempt } = payload as { name: string; crashOnFirstAttempt?: boolean };
    appendFileSync(marker, `${name} start ${ctx.attempt}\n`);
    // A hard crash mid-job: no cleanup, no status update, the lease is left to expire.
    if (crashOnFirstAttempt && ctx.attempt === 1) process.exit(42);
    appendFileSync(marker, `${name} done\n`);
  },
};

if (mode === "crash") {
  await enqueueJob({
    kind: "restart.record",
    payload: { name: "crashy", crashOnFirstAttempt: true },
    uniqueKey: "restart:crashy",
  });
  // Due only after this process is gone: it must survive the restart purely as a row.
  await enqueueJob({
    kind: "restart.record",
    payload: { name: "later" },
    runAt: new Date(Date.now() + 1_500),
    uniqueKey: "restart:later",
  });
  startJobWorker({ runners, workerId: "first-process", intervalMs: 50, leaseMs: LEASE_MS });
  setTimeout(() => {
    console.error("the crashy job never ran");
    process.exit(1);
  }, 15_000);
} else {
  const worker = startJobWorker({ runners, workerId: "second-process", intervalMs: 50, leaseMs: LEASE_MS });
  const deadline = Date.now() + 20_000;
  while ((await db.job.count({ where: { status: { not: "done" } } })) > 0 && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  await worker.stop();
  // Nothing may run again once all is done, not even when every lease has long run out: three more
  // polls on a clock an hour ahead (in place of waiting for later polls) claim nothing.
  const hourAhead = () => Date.now() + 3_600_000;
  let claimedAfterDone = 0;
  for (let i = 0; i < 3; i++)
    claimedAfterDone += await runDueJobs({ runners, workerId: "second-process", leaseMs: LEASE_MS, now: hourAhead });
  const jobs = await db.job.findMany({
    select: { uniqueKey: true, status: true, attempts: true, lockedBy: true },
    orderBy: { uniqueKey: "asc" },
  });
  console.log(JSON.stringify({ claimedAfterDone, jobs }));
  await disconnectDb();
  process.exit(0);
}

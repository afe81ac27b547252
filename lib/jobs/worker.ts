import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { log } from "@/lib/log";
import { nextPendingRunAt } from "@/lib/jobs/claim-jobs";
import { runDueJobs, type RunOptions } from "@/lib/jobs/run-due-jobs";
import { runningWorkers as running } from "@/lib/jobs/wake";

// The in-process worker loop: run what is due, then sleep until the next job is due — never longer
// than the poll interval, which is how jobs enqueued by other processes (or whose lease ran out)
// are found. Enqueueing in this process wakes it early (`jobsEnqueued`), so a job due now starts
// now. The database (not this loop) guarantees a job is never run by two workers at once.

export type WorkerHandle = { id: string; stop(): Promise<void>; poke(): void; wakeBy(at: Date): void };

type WorkerOptions = Partial<RunOptions> & { intervalMs?: number };

// The process's one worker (dev reloads and bundles share globalThis, not modules: lib/jobs/wake.ts).
const registry = globalThis as typeof globalThis & { __mkutanoJobWorker?: WorkerHandle };

export function startJobWorker(opts: WorkerOptions = {}): WorkerHandle {
  const id = opts.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const intervalMs = opts.intervalMs ?? 1_000;
  let stopped = false;
  let current: Promise<void> = Promise.resolve();
  // Earliest due time announced while a drain was under way: the sleep after it must not pass it.
  let announced = Infinity;
  // The sleep in progress, if any: when it ends and how to end it early.
  let sleep: { until: number; timer?: NodeJS.Timeout; wake: () => void } | undefined;

  const tick = async (): Promise<number> => {
    try {
      // Keep draining while there is work; then look up when the next job is due.
      while (!stopped && (await runDueJobs({ ...opts, workerId: id })) > 0);
      if (stopped) return Date.now();
      const next = await nextPendingRunAt();
      return next ? next.getTime() : Infinity;
    } catch (err) {
      log.error({ err, worker: id }, "job worker poll failed");
      return Infinity;
    }
  };

  const arm = (until: number) => {
    if (!sleep) return;
    clearTimeout(sleep.timer);
    sleep.until = until;
    // +1 ms: timers may fire a hair early, and a job is only claimable once its runAt has passed.
    sleep.timer = setTimeout(sleep.wake, Math.max(0, until - Date.now() + 1));
    sleep.timer.unref?.();
  };

  const loop = async () => {
    while (!stopped) {
      announced = Infinity;
      let nextDue = Infinity;
      current = tick().then((n) => void (nextDue = n));
      await current;
      if (stopped) break;
      // A floor of 2 ms: a job already due but not claimable (another worker holds its row for
      // a moment) must not turn this into a busy loop.
      const until = Math.max(Date.now() + 2, Math.min(Date.now() + intervalMs, nextDue, announced));
      await new Promise<void>((resolve) => {
        sleep = { until, wake: resolve };
        arm(until);
      });
      clearTimeout(sleep?.timer);
      sleep = undefined;
    }
  };

  const handle: WorkerHandle = {
    id,
    poke() {
      handle.wakeBy(new Date());
    },
    wakeBy(at: Date) {
      const t = at.getTime();
      if (sleep) {
        if (t < sleep.until) arm(t);
      } else announced = Math.min(announced, t);
    },
    async stop() {
      stopped = true;
      running.delete(handle);
      sleep?.wake();
      await current;
    },
  };
  running.add(handle);
  void loop();
  log.info({ worker: id }, "job worker started");
  return handle;
}

// One worker per process, even if Next calls register() again (dev reloads).
export function ensureJobWorker(opts: WorkerOptions = {}): WorkerHandle {
  registry.__mkutanoJobWorker ??= startJobWorker(opts);
  return registry.__mkutanoJobWorker;
}

export async function stopJobWorker(): Promise<void> {
  const w = registry.__mkutanoJobWorker;
  registry.__mkutanoJobWorker = undefined;
  await w?.stop();
}

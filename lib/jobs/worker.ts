import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { log } from "@/lib/log";
import { runDueJobs, type RunOptions } from "@/lib/jobs/run-due-jobs";

// The in-process worker loop: poll, run what is due, sleep. One per app process; the database
// (not this loop) guarantees a job is never run by two workers at once.

export type WorkerHandle = { id: string; stop(): Promise<void>; poke(): void };

export function startJobWorker(opts: Partial<RunOptions> & { intervalMs?: number } = {}): WorkerHandle {
  const id = opts.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const intervalMs = opts.intervalMs ?? 1_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  let current: Promise<void> = Promise.resolve();

  const tick = async () => {
    try {
      // Keep draining while there is work; sleep only when a poll comes back empty.
      while (!stopped && (await runDueJobs({ ...opts, workerId: id })) > 0);
    } catch (err) {
      log.error({ err, worker: id }, "job worker poll failed");
    }
  };

  const loop = async () => {
    while (!stopped) {
      current = tick();
      await current;
      if (stopped) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, intervalMs);
        timer.unref?.();
      });
    }
  };
  void loop();
  log.info({ worker: id }, "job worker started");

  return {
    id,
    poke() {
      if (timer) clearTimeout(timer);
      wake?.();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      wake?.();
      await current;
    },
  };
}

// One worker per process, even if Next calls register() again (dev reloads).
const holder = globalThis as typeof globalThis & { __mkutanoJobWorker?: WorkerHandle };

export function ensureJobWorker(opts: Partial<RunOptions> & { intervalMs?: number } = {}): WorkerHandle {
  holder.__mkutanoJobWorker ??= startJobWorker(opts);
  return holder.__mkutanoJobWorker;
}

export async function stopJobWorker(): Promise<void> {
  const w = holder.__mkutanoJobWorker;
  holder.__mkutanoJobWorker = undefined;
  await w?.stop();
}

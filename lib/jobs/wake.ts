import "server-only";

/** What a running worker exposes to enqueuers: "a job is due at this time". */
export type Wakeable = { wakeBy(at: Date): void };

// The workers running in this process. Kept on globalThis, not in module scope: Next loads some
// server code in more than one bundle (instrumentation, the webhook lane, route handlers) and dev
// reloads modules, yet an enqueue in any of them must wake the one worker of the process. This is a
// set of live loops, not a handler registry: what runs a job is static (lib/jobs/registry.ts).
const store = globalThis as typeof globalThis & { __mkutanoJobWorkers?: Set<Wakeable> };
export const runningWorkers: Set<Wakeable> = (store.__mkutanoJobWorkers ??= new Set<Wakeable>());

/** Tells this process's workers that a job (already committed) is due at `runAt`, so none of them sleeps past it. */
export function jobsEnqueued(runAt: Date = new Date()): void {
  for (const w of runningWorkers) w.wakeBy(runAt);
}

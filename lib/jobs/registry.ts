import "server-only";

// Job kinds and their handlers. Every handler must be idempotent: a job runs at least once (a
// crash after the work but before the row is marked done runs it again after its lease expires).

export type JobContext = { jobId: string; attempt: number; maxAttempts: number };
export type JobHandler = (payload: unknown, ctx: JobContext) => Promise<void>;

const store = globalThis as typeof globalThis & { __mkutanoJobHandlers?: Map<string, JobHandler> };
const handlers = (store.__mkutanoJobHandlers ??= new Map<string, JobHandler>());

export function registerJobHandler(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

export function getJobHandler(kind: string): JobHandler | undefined {
  return handlers.get(kind);
}

export function unregisterJobHandler(kind: string): void {
  handlers.delete(kind);
}

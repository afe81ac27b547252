import "server-only";

// Group commit: callers that arrive while the previous batch is being written wait for it and then
// go together, in one round trip. An idle queue starts a batch on the next turn of the event loop,
// so a lone request waits for nothing; under load the batch grows to whatever queued meanwhile
// (capped), which is what keeps the database work per request small.

export type Settled<O> = { ok: true; value: O } | { ok: false; error: unknown };

export type GroupCommit<I, O> = {
  /** Resolves with this item's result once its batch is done (rejects with its own error). */
  submit(item: I): Promise<O>;
};

type Waiter<I, O> = { item: I; resolve: (value: O) => void; reject: (error: unknown) => void };

/** Per-queue counters (batches run, items in them, the largest batch, time spent running): proof and tuning aid. */
export type GroupCommitStats = { batches: number; items: number; largest: number; ms: number };
// On globalThis so a test or a diagnostics route sees the counters of the app's own copy of this module.
const statsStore = globalThis as typeof globalThis & { __mkutanoGroupCommitStats?: Map<string, GroupCommitStats> };
const allStats = (statsStore.__mkutanoGroupCommitStats ??= new Map());

export function groupCommitStats(): Record<string, GroupCommitStats> {
  return Object.fromEntries([...allStats].map(([name, s]) => [name, { ...s }]));
}

export function groupCommit<I, O>(
  /** Runs one batch; returns one settled result per item, in order. Throwing fails the whole batch. */
  run: (items: I[]) => Promise<Settled<O>[]>,
  /** concurrency: batches in flight at once (default 1); a function is asked at each batch. */
  opts: { name: string; maxBatch: number; concurrency?: number | (() => number) },
): GroupCommit<I, O> {
  const stats: GroupCommitStats = allStats.get(opts.name) ?? { batches: 0, items: 0, largest: 0, ms: 0 };
  allStats.set(opts.name, stats);
  const queue: Waiter<I, O>[] = [];
  const limit = () => (typeof opts.concurrency === "function" ? opts.concurrency() : (opts.concurrency ?? 1));
  let running = 0;
  let scheduled = false;

  const schedule = () => {
    if (scheduled || running >= limit() || queue.length === 0) return;
    scheduled = true;
    // setImmediate, not a timer: everything already queued on this turn joins, and nothing waits longer.
    setImmediate(flush);
  };

  const flush = () => {
    scheduled = false;
    if (running >= limit() || queue.length === 0) return;
    const batch = queue.splice(0, opts.maxBatch);
    running++;
    stats.batches++;
    stats.items += batch.length;
    stats.largest = Math.max(stats.largest, batch.length);
    const started = performance.now();
    void run(batch.map((w) => w.item))
      .then(
        (results) => {
          batch.forEach((w, i) => {
            const r = results[i];
            if (!r) w.reject(new Error("group commit: no result for an item"));
            else if (r.ok) w.resolve(r.value);
            else w.reject(r.error);
          });
        },
        (error: unknown) => {
          for (const w of batch) w.reject(error);
        },
      )
      .finally(() => {
        stats.ms += performance.now() - started;
        running--;
        schedule();
      });
    // More than one batch may run at once when allowed (e.g. several pool connections).
    schedule();
  };

  return {
    submit(item) {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      });
    },
  };
}

/** Runs `one` for each item in turn, keeping each item's own outcome (the fallback after a failed batch). */
export async function oneByOne<I, O>(items: I[], one: (item: I) => Promise<O>): Promise<Settled<O>[]> {
  const out: Settled<O>[] = [];
  for (const item of items) {
    try {
      out.push({ ok: true, value: await one(item) });
    } catch (error) {
      out.push({ ok: false, error });
    }
  }
  return out;
}

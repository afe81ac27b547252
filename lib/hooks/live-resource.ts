// One piece of server JSON kept fresh in the browser: starts from the server-rendered value, can be
// refetched (interval, focus, after an action) or replaced by a pushed value (SSE). No React here,
// so the ordering rules are unit-tested; lib/hooks/use-live-json.ts binds it to a component.

export class LiveResource<T> {
  private data: T;
  private readonly listeners = new Set<() => void>();
  // Every fetch and push takes a number; a response is applied only if nothing newer started or
  // arrived since, so a slow poll can never overwrite a fresher push or a later refetch.
  private seq = 0;
  private lastFetchAt = Number.NEGATIVE_INFINITY;
  private inFlight = 0;

  constructor(
    private readonly fetcher: () => Promise<T>,
    initial: T,
    private readonly clock: () => number = Date.now,
  ) {
    this.data = initial;
  }

  readonly get = (): T => this.data;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  /** Replaces the value now (a pushed snapshot); fetches still in flight are ignored. */
  set(next: T): void {
    this.seq++;
    this.apply(next);
  }

  /** Fetches now (e.g. after an action changed the data). A failure keeps the last good value. */
  async revalidate(): Promise<void> {
    const mine = ++this.seq;
    this.lastFetchAt = this.clock();
    this.inFlight++;
    try {
      const next = await this.fetcher();
      if (mine === this.seq) this.apply(next);
    } catch {
      // Keep showing the last good data; the next poll, focus or push tries again.
    } finally {
      this.inFlight--;
    }
  }

  /** A background refresh (poll, focus): skipped while a fetch is running or one started < minGapMs ago. */
  refresh(minGapMs = 0): Promise<void> {
    if (this.inFlight > 0 || this.clock() - this.lastFetchAt < minGapMs) return Promise.resolve();
    return this.revalidate();
  }

  private apply(next: T): void {
    this.data = next;
    for (const l of this.listeners) l();
  }
}

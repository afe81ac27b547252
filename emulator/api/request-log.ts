import { iso } from "../util";

// Every /v1 request the emulator answered, newest last, bounded in memory (the oldest fall off).
// Read through GET /_emulator/requests (filters) and the state snapshot; the console shows it.

export type RequestLogEntry = {
  request_id: string;
  at: string;
  method: string;
  /** Path and query string as sent. */
  path: string;
  status: number;
  latency_ms: number;
  workspace_id: string | null;
  /** The Idempotency-Key header, when one was sent. */
  idempotency_key: string | null;
  /** True when the answer was a stored one replayed for a repeated Idempotency-Key. */
  idempotent_replay: boolean;
  /** The error code of a non-2xx answer in the error envelope (or the bare `{ code }`). */
  error_code: string | null;
};

export type RequestLogFilter = { q?: string; method?: string; status?: string; limit?: number };

export const REQUEST_LOG_CAPACITY = 1000;

export class RequestLog {
  private entries: RequestLogEntry[] = [];

  constructor(private readonly capacity: number = REQUEST_LOG_CAPACITY) {}

  add(entry: Omit<RequestLogEntry, "at"> & { at?: string }): void {
    this.entries.push({ ...entry, at: entry.at ?? iso() });
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  get size(): number {
    return this.entries.length;
  }

  /**
   * Newest first. `q` matches the path, request id, error code or idempotency key (case-insensitive);
   * `status` is an exact code (`429`) or a class (`4xx`); `method` is exact.
   */
  list(filter: RequestLogFilter = {}): RequestLogEntry[] {
    const q = filter.q?.toLowerCase();
    const method = filter.method?.toUpperCase();
    const cls = filter.status && /^[1-5]xx$/i.test(filter.status) ? Number(filter.status[0]) : null;
    const exact = filter.status && /^\d{3}$/.test(filter.status) ? Number(filter.status) : null;
    const out: RequestLogEntry[] = [];
    for (let i = this.entries.length - 1; i >= 0 && out.length < (filter.limit ?? this.capacity); i--) {
      const e = this.entries[i]!;
      if (method && e.method !== method) continue;
      if (cls !== null && Math.floor(e.status / 100) !== cls) continue;
      if (exact !== null && e.status !== exact) continue;
      if (
        q &&
        ![e.path, e.request_id, e.error_code ?? "", e.idempotency_key ?? ""].some((v) => v.toLowerCase().includes(q))
      )
        continue;
      out.push(e);
    }
    return out;
  }

  clear(): void {
    this.entries = [];
  }
}

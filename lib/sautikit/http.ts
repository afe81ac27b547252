import "server-only";
import { AppError } from "@/lib/errors";
import { apiFetch } from "@/lib/sautikit/fenced-fetch";
import { mapSautikitError, unavailable } from "@/lib/sautikit/map-error";

// The one transport to Sautikit. The official SDK has no timeouts and no retries; this adds both,
// safely: a request is only repeated when repeating it cannot do something twice (reads, PUT/PATCH/
// DELETE, and POSTs that carry an Idempotency-Key, which stays the same on every attempt).

export type SautikitHttpConfig = {
  baseUrl: string;
  apiKey: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Total attempts including the first. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A Retry-After longer than this is not waited out in-process: RATE_LIMITED is thrown instead. */
  maxRetryAfterMs?: number;
  /** Tests only: a scripted transport. Everything else goes through the fence (fenced-fetch.ts). */
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
};

export type SautikitRequest = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  idempotencyKey?: string;
  /** Mark a POST without a key as safe to repeat (e.g. hangup, which Sautikit makes idempotent). */
  idempotent?: boolean;
  /** Non-2xx statuses the caller handles itself instead of getting an error (e.g. 302/202 for recordings). */
  accept?: number[];
};

export type SautikitResponse = {
  status: number;
  headers: Headers;
  body: unknown;
  requestId?: string;
  attempts: number;
};

export const DEFAULTS = {
  timeoutMs: 10_000,
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 30_000,
} as const;

/** No API answer the app uses comes near this; a larger one is refused rather than held in memory. */
export const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

export async function sautikitRequest(config: SautikitHttpConfig, req: SautikitRequest): Promise<SautikitResponse> {
  const cfg = { ...DEFAULTS, ...config };
  const doFetch =
    config.fetch ?? ((url: string, init: RequestInit) => apiFetch(url, init as Parameters<typeof apiFetch>[1]));
  const sleep = config.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = config.random ?? Math.random;
  const repeatable = req.method !== "POST" || Boolean(req.idempotencyKey) || Boolean(req.idempotent);
  const url = buildUrl(cfg.baseUrl, req.path, req.query);
  const headers: Record<string, string> = {
    Authorization: `Bearer ${cfg.apiKey}`,
    Accept: "application/json",
    "User-Agent": "Mkutano/1 (+sautikit-client)",
  };
  const payload = req.body === undefined ? undefined : JSON.stringify(req.body);
  if (payload !== undefined) headers["Content-Type"] = "application/json";
  if (req.idempotencyKey) headers["Idempotency-Key"] = req.idempotencyKey;

  for (let attempt = 1; ; attempt++) {
    let res: Response;
    let body: unknown;
    try {
      res = await doFetch(url, {
        method: req.method,
        headers,
        body: payload,
        redirect: "manual",
        signal: AbortSignal.timeout(cfg.timeoutMs),
      });
      // Inside the try: the timeout also covers a body that trickles in or is cut off.
      body = await readBody(res);
    } catch (err) {
      // Refused by the fence or an oversized answer: repeating changes nothing.
      if (err instanceof AppError) throw err;
      // Timeout or connection failure: Sautikit may or may not have acted, so only repeat what is safe.
      const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
      if (repeatable && attempt < cfg.maxAttempts) {
        await sleep(backoff(attempt, cfg.baseDelayMs, cfg.maxDelayMs, random));
        continue;
      }
      const host = new URL(cfg.baseUrl).host;
      throw unavailable(
        timedOut ? { key: "sautikitTimeout", params: { host } } : { key: "sautikitUnreachable", params: { host } },
        err,
      );
    }

    // Shown to users for support: only when it looks like an id, never free text.
    const requestId = /^[A-Za-z0-9_.:-]{1,80}$/.test(res.headers.get("request-id") ?? "")
      ? res.headers.get("request-id")!
      : undefined;
    if ((res.status >= 200 && res.status < 300) || req.accept?.includes(res.status)) {
      return { status: res.status, headers: res.headers, body, requestId, attempts: attempt };
    }

    // 429 means "not processed", so it is safe to repeat even without a key.
    const canRetry =
      RETRYABLE_STATUS.has(res.status) && (repeatable || res.status === 429) && attempt < cfg.maxAttempts;
    if (canRetry) {
      const retryAfterMs = parseRetryAfter(res.headers.get("retry-after"));
      if (retryAfterMs === undefined || retryAfterMs <= cfg.maxRetryAfterMs) {
        // A 5xx is not rate-limited (it consumed no token), so the first repeat goes straight away;
        // only a second failure in a row backs off. Safe: this request is repeatable by construction.
        const immediate = res.status >= 500 && attempt === 1 && retryAfterMs === undefined;
        const jittered = immediate ? 0 : backoff(attempt, cfg.baseDelayMs, cfg.maxDelayMs, random);
        await sleep(retryAfterMs === undefined ? jittered : Math.max(retryAfterMs, jittered));
        continue;
      }
    }
    throw mapSautikitError(res.status, body, requestId, parseRetryAfter(res.headers.get("retry-after")));
  }
}

/** Full jitter: uniform in [0, min(cap, base·2^(attempt-1))]. */
export function backoff(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** (attempt - 1)));
}

/** Retry-After as delta-seconds or an HTTP date, in ms; undefined when absent or garbled. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function buildUrl(baseUrl: string, path: string, query?: SautikitRequest["query"]): string {
  const url = new URL(baseUrl.replace(/\/+$/, "") + path);
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  return url.toString();
}

async function readBody(res: Response): Promise<unknown> {
  const text = await readCapped(res, MAX_RESPONSE_BYTES);
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function readCapped(res: Response, max: number): Promise<string> {
  if (!res.body) return "";
  const declared = Number(res.headers.get("content-length"));
  const tooBig = () => new AppError("SAUTIKIT_REJECTED", "sautikitAnswerTooLarge");
  if (declared > max) {
    await res.body.cancel();
    throw tooBig();
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooBig();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

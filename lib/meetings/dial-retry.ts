import type { AppError } from "@/lib/errors";

// How a dial that Sautikit could not take is retried. It never gives up while the meeting is open:
// a capped exponential backoff with jitter (never more than DIAL_RETRY_CAP_MS apart, so a queue
// moves within half a minute of Sautikit coming back) that honours Retry-After. Every retry of one
// attempt reuses the leg's Idempotency-Key; only a deliberate re-dial makes a new leg and key.

export const DIAL_RETRY_BASE_MS = 1_000;
export const DIAL_RETRY_CAP_MS = 30_000;

/** Errors that mean "not now" (Sautikit down, slow or rate-limiting): the dial is held and retried. */
const HELD = new Set(["RATE_LIMITED", "SAUTIKIT_UNAVAILABLE"]);

export function isHeldBack(err: Pick<AppError, "code">): boolean {
  return HELD.has(err.code);
}

/**
 * The wait before try number `tries + 1`: "equal jitter" — half the capped exponential step fixed,
 * half random — so dials held by one outage spread out instead of arriving together, yet none waits
 * longer than the cap (unless Sautikit itself asked for longer with Retry-After).
 */
export function dialRetryDelayMs(
  tries: number,
  retryAfterSeconds?: number,
  random: () => number = Math.random,
): number {
  const step = Math.min(DIAL_RETRY_CAP_MS, DIAL_RETRY_BASE_MS * 2 ** Math.max(0, tries - 1));
  const jittered = Math.floor(step / 2 + random() * (step / 2));
  return Math.max(jittered, (retryAfterSeconds ?? 0) * 1000);
}

import "server-only";

// Wrong-PIN attempts, per inbound call (three tries, then goodbye) and per calling number (a
// number that keeps calling back to guess PINs is turned away before it is asked). Voice callbacks
// are never deduplicated, so the counts live here, in memory, for the few minutes they matter. Per
// process: a caller whose callbacks are spread over several app processes may get a few more
// tries, never fewer. PINs have nine digits, so even that leaves guessing hopeless.

export const MAX_PIN_ATTEMPTS = 3;
/** Wrong PINs from one number within NUMBER_WINDOW_MS before it is no longer asked. */
export const MAX_WRONG_PINS_PER_NUMBER = 10;

const CALL_TTL_MS = 15 * 60_000;
const NUMBER_WINDOW_MS = 60 * 60_000;
const MAX_ENTRIES = 10_000;

type Counter = { count: number; until: number };
const perCall = new Map<string, Counter>();
const perNumber = new Map<string, Counter>();

function bump(map: Map<string, Counter>, key: string, ttlMs: number, now: number): number {
  if (map.size >= MAX_ENTRIES) {
    for (const [k, v] of map) if (v.until < now || map.size >= MAX_ENTRIES) map.delete(k);
  }
  const cur = map.get(key);
  // A window runs from the first miss; a miss after it has passed starts a new one.
  const next = cur && cur.until > now ? { count: cur.count + 1, until: cur.until } : { count: 1, until: now + ttlMs };
  map.set(key, next);
  return next.count;
}

/** Counts a wrong (or empty) PIN on this call, and against the calling number; returns the call's count. */
export function recordWrongPin(callId: string, from?: string, now = Date.now()): number {
  if (from) bump(perNumber, from, NUMBER_WINDOW_MS, now);
  return bump(perCall, callId, CALL_TTL_MS, now);
}

export function forgetPinAttempts(callId: string): void {
  perCall.delete(callId);
}

/** True when this number has guessed wrong too often lately. */
export function isNumberBlocked(from: string | undefined, now = Date.now()): boolean {
  if (!from) return false;
  const cur = perNumber.get(from);
  return Boolean(cur && cur.until > now && cur.count >= MAX_WRONG_PINS_PER_NUMBER);
}

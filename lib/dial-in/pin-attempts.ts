import "server-only";

// Wrong-PIN attempts per inbound call. Voice callbacks are never deduplicated, so the count lives
// here, keyed by call id, for the few minutes a PIN prompt can last. Per process: a caller whose
// callbacks are spread over several app processes may get a few more tries, never fewer.

export const MAX_PIN_ATTEMPTS = 3;

const TTL_MS = 15 * 60_000;
const MAX_ENTRIES = 10_000;
const attempts = new Map<string, { count: number; until: number }>();

export function recordWrongPin(callId: string): number {
  const now = Date.now();
  if (attempts.size >= MAX_ENTRIES) {
    for (const [k, v] of attempts) if (v.until < now || attempts.size >= MAX_ENTRIES) attempts.delete(k);
  }
  const cur = attempts.get(callId);
  const count = cur && cur.until > now ? cur.count + 1 : 1;
  attempts.set(callId, { count, until: now + TTL_MS });
  return count;
}

export function forgetPinAttempts(callId: string): void {
  attempts.delete(callId);
}

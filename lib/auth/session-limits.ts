// How long a sign-in lasts. One place for both limits; docs/decisions explains the choice.
// Edge-safe (no server imports): lib/auth/config.ts reads the absolute limit for the cookie.

/** A session unused for this long ends (any signed-in request counts as use). */
export const SESSION_IDLE_MS = 7 * 24 * 60 * 60 * 1000;
/** A session ends this long after sign-in, however busy. The cookie expires at the same moment. */
export const SESSION_ABSOLUTE_MS = 30 * 24 * 60 * 60 * 1000;
/** `lastSeenAt` is written at most this often per session, so reads stay reads. */
export const SESSION_TOUCH_MS = 60 * 1000;

export type SessionRow = { createdAt: Date; lastSeenAt: Date; revokedAt: Date | null };
export type SessionState = "active" | "revoked" | "idle" | "expired";

/** Whether a stored session still counts, at `now`. */
export function sessionState(row: SessionRow, now: Date): SessionState {
  if (row.revokedAt) return "revoked";
  if (now.getTime() - row.createdAt.getTime() >= SESSION_ABSOLUTE_MS) return "expired";
  if (now.getTime() - row.lastSeenAt.getTime() >= SESSION_IDLE_MS) return "idle";
  return "active";
}

/** Whether this request should refresh `lastSeenAt` (the sliding part of the expiry). */
export function shouldTouch(row: SessionRow, now: Date): boolean {
  return now.getTime() - row.lastSeenAt.getTime() >= SESSION_TOUCH_MS;
}

import type { LegView } from "@/lib/shared/roster-types";

// Time a leg spent in the waiting room (in the room before it started). Dialled-out legs are billed
// for it like any answered time; dial-in legs are free.

/** Seconds on hold at `now`: from entering the waiting room until the room started, or the leg ended. */
export function legSecondsOnHold(leg: Pick<LegView, "waitingAt" | "joinedAt" | "endedAt">, now: number): number {
  if (leg.waitingAt === null) return 0;
  const until = leg.joinedAt ?? leg.endedAt ?? now;
  return Math.max(0, Math.floor((until - leg.waitingAt) / 1000));
}

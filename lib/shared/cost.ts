import type { LegView } from "@/lib/shared/roster-types";

// Sautikit bills per second, rounded up to the minor unit: ceil(seconds × rate_per_minute / 60).
// Inbound legs carry a rate of 0, so they are free.

export function costForSeconds(seconds: number, ratePerMinuteMinor: number): number {
  if (seconds <= 0 || ratePerMinuteMinor <= 0) return 0;
  return Math.ceil((seconds * ratePerMinuteMinor) / 60);
}

/** A leg's cost at `now`: the final figure once ended, else metered live from the answer. */
export function legCostAt(
  leg: Pick<LegView, "costMinor" | "answeredAt" | "endedAt" | "ratePerMinuteMinor">,
  now: number,
): number {
  if (leg.costMinor !== null) return leg.costMinor;
  if (leg.answeredAt === null) return 0;
  const end = leg.endedAt ?? now;
  return costForSeconds(Math.max(0, Math.floor((end - leg.answeredAt) / 1000)), leg.ratePerMinuteMinor);
}

/** Seconds a leg has spent in a started room, at `now`. */
export function legSecondsInCall(leg: Pick<LegView, "joinedAt" | "endedAt">, now: number): number {
  if (leg.joinedAt === null) return 0;
  return Math.max(0, Math.floor(((leg.endedAt ?? now) - leg.joinedAt) / 1000));
}

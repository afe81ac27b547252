import type { PersonRow } from "@/lib/shared/roster-types";

/** The raised-hand queue: people in the room with a hand up, first raised first (ADR 0020). */
export function raisedHands<P extends Pick<PersonRow, "key" | "state" | "handRaisedAt">>(people: P[]): P[] {
  return people
    .filter((p) => p.handRaisedAt !== null && (p.state === "in_call" || p.state === "waiting"))
    .sort((a, b) => a.handRaisedAt! - b.handRaisedAt! || a.key.localeCompare(b.key));
}

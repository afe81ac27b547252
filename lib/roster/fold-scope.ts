import type { RoomSettings, RosterEventKind } from "@/lib/roster/roster-event";

// Which legs a batch of new facts can change, and which stored facts re-deriving them needs
// (ADR 0004, "Incremental fold"). In reduceRoster a leg's view depends only on
//   (a) the facts naming that leg,
//   (b) the room-level facts (room.start / room.end / control.end, whatever leg they name), and
//   (c) when the host's exit ends the meeting, the latest leave of every host leg (`endCut`).
// Hence, for any set S of legs that holds every host leg when endOnHostExit is on,
// reduceRoster(S, facts naming S ∪ room-level facts) gives every leg of S, and the room, exactly
// what reduceRoster(all legs, all facts) gives them. A new fact outside (b) and (c) changes only
// the leg it names; one inside them may change any leg, so it is folded over the whole meeting.

export const ROOM_LEVEL_KINDS = ["room.start", "room.end", "control.end"] as const satisfies readonly RosterEventKind[];
const roomLevel = new Set<string>(ROOM_LEVEL_KINDS);

type FactRef = { kind: string; legId?: string | null };

export function isRoomLevel(fact: FactRef): boolean {
  return roomLevel.has(fact.kind);
}

/** Whether re-deriving the legs in `legIds` reads this fact (the database query mirrors it). */
export function isNeededFor(fact: FactRef, legIds: ReadonlySet<string>): boolean {
  return roomLevel.has(fact.kind) || (fact.legId != null && legIds.has(fact.legId));
}

/** Legs whose facts must be read alongside the touched ones: the hosts, when their exit ends the room. */
export function needsHostLegs(settings: RoomSettings): boolean {
  return settings.endOnHostExit;
}

export type FoldScope = { kind: "all" } | { kind: "legs"; legIds: string[] };

/**
 * The legs whose view the newly stored facts may change. `hostLegIds` must list every host leg of
 * the meeting (it only matters when endOnHostExit is on).
 */
export function foldScope(newFacts: FactRef[], hostLegIds: ReadonlySet<string>, settings: RoomSettings): FoldScope {
  const legIds = new Set<string>();
  for (const f of newFacts) {
    if (roomLevel.has(f.kind)) return { kind: "all" };
    if (!f.legId) continue;
    // A host's leave can move the cut that tells "meeting ended" from "hung up" for every leg.
    if (settings.endOnHostExit && f.kind === "room.leave" && hostLegIds.has(f.legId)) return { kind: "all" };
    legIds.add(f.legId);
  }
  return { kind: "legs", legIds: [...legIds] };
}

/** The leg ids new facts name (room-level facts excluded: they send the fold to the whole meeting). */
export function touchedLegIds(newFacts: FactRef[]): string[] {
  return [...new Set(newFacts.flatMap((f) => (f.legId && !roomLevel.has(f.kind) ? [f.legId] : [])))];
}

import { foldScope, isRoomLevel, needsHostLegs, touchedLegIds } from "@/lib/roster/fold-scope";
import { reduceRoster, type RosterState } from "@/lib/roster/reduce-roster";
import type { LegInfo, RoomSettings, RosterEvent } from "@/lib/roster/roster-event";

// The incremental fold, independent of storage: given the facts just stored, read only what the
// legs they can change depend on and reduce those. recompute-roster.ts runs it on the database;
// the unit tests run it on an in-memory store against reduceRoster over every fact.

/** Reads of one meeting's legs and stored facts (the new facts already included). */
export type FoldSource<L> = {
  /** The meeting's legs whose id is in `ids`, plus every host leg when `withHosts`. */
  legs(ids: string[], withHosts: boolean): Promise<L[]>;
  allLegs(): Promise<L[]>;
  /** The facts that name one of `legIds` or are room-level (isNeededFor in fold-scope.ts). */
  factsFor(legIds: string[]): Promise<RosterEvent[]>;
  allFacts(): Promise<RosterEvent[]>;
};

export type Fold<L> = {
  /** "legs": only `legs` were re-derived; "all": the whole meeting; "none": nothing can have changed. */
  scope: "none" | "legs" | "all";
  /** The legs re-derived, in the order of `state.legs`' source rows (match views by id). */
  legs: L[];
  /** Their views, and the room (exact whenever scope is not "none"). */
  state: RosterState;
};

type FactRef = { kind: string; legId?: string | null };

export async function foldNewFacts<L>(
  src: FoldSource<L>,
  info: (leg: L) => LegInfo,
  added: FactRef[],
  settings: RoomSettings,
): Promise<Fold<L>> {
  const reduce = (legs: L[], facts: RosterEvent[]) => reduceRoster(legs.map(info), facts, settings);
  if (!added.some(isRoomLevel)) {
    const touched = touchedLegIds(added);
    // Facts naming no leg of this meeting cannot change any view (the reducer ignores them).
    const legs = touched.length ? await src.legs(touched, needsHostLegs(settings)) : [];
    const hosts = new Set(legs.filter((l) => info(l).role === "host").map((l) => info(l).id));
    if (foldScope(added, hosts, settings).kind === "legs") {
      if (!legs.some((l) => touched.includes(info(l).id))) return { scope: "none", legs: [], state: reduce([], []) };
      const facts = await src.factsFor(legs.map((l) => info(l).id));
      return { scope: "legs", legs, state: reduce(legs, facts) };
    }
  }
  const [legs, facts] = [await src.allLegs(), await src.allFacts()];
  return { scope: "all", legs, state: reduce(legs, facts) };
}

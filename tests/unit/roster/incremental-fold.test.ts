// The incremental fold (ADR 0004) must leave every leg and the room exactly as reduceRoster over the
// whole set of stored facts would, for any facts, in any order and any batching. Runs the real
// fold (foldNewFacts: scope decision and reads) on an in-memory store, the way recompute-roster.ts
// runs it on the database, and compares after every batch.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldNewFacts, type FoldSource } from "@/lib/roster/fold-new-facts";
import { isNeededFor } from "@/lib/roster/fold-scope";
import { reduceRoster, type RoomView } from "@/lib/roster/reduce-roster";
import type { LegInfo, RoomSettings, RosterEvent } from "@/lib/roster/roster-event";
import type { LegView } from "@/lib/shared/roster-types";
import { batches, caseArb, t0 } from "./fact-arbitraries";
import { events as scenarioEvents, legs as scenarioLegs } from "./scenario";

/** A meeting's stored facts and leg rows, updated the way recordRosterFacts updates the database. */
class MemoryRoster {
  readonly facts: RosterEvent[] = [];
  readonly views: Map<string, LegView>;
  room: RoomView;
  readonly reads = { facts: 0, legs: 0 };
  readonly scopes = { none: 0, legs: 0, all: 0 };

  constructor(
    readonly legs: LegInfo[],
    readonly settings: RoomSettings,
  ) {
    const empty = reduceRoster(legs, [], settings);
    this.views = new Map(empty.legs.map((v) => [v.id, v]));
    this.room = empty.room;
  }

  private source(): FoldSource<LegInfo> {
    const count = <T>(kind: "facts" | "legs", rows: T[]) => ((this.reads[kind] += rows.length), Promise.resolve(rows));
    return {
      legs: (ids, withHosts) =>
        count(
          "legs",
          this.legs.filter((l) => ids.includes(l.id) || (withHosts && l.role === "host")),
        ),
      allLegs: () => count("legs", this.legs),
      factsFor: (legIds) =>
        count(
          "facts",
          this.facts.filter((f) => isNeededFor(f, new Set(legIds))),
        ),
      allFacts: () => count("facts", this.facts),
    };
  }

  async record(batch: RosterEvent[]): Promise<void> {
    // As the database does: the first fact of a key wins, within the batch and across batches.
    const stored = new Set(this.facts.map((f) => f.key));
    const added: RosterEvent[] = [];
    for (const e of batch) {
      if (stored.has(e.key)) continue;
      stored.add(e.key);
      added.push(e);
    }
    if (added.length === 0) return;
    this.facts.push(...added);
    const fold = await foldNewFacts(this.source(), (l) => l, added, this.settings);
    this.scopes[fold.scope]++;
    if (fold.scope === "none") return;
    for (const v of fold.state.legs) this.views.set(v.id, v);
    this.room = fold.state.room;
  }

  expectMatchesFullReduce(context: unknown): void {
    const full = reduceRoster(this.legs, this.facts, this.settings);
    // The database returns facts in no particular order, so the reducer itself must not care,
    // including for conflicting facts with equal times or sequence numbers.
    const reversed = reduceRoster(this.legs, this.facts.toReversed(), this.settings);
    if (JSON.stringify(reversed) !== JSON.stringify(full))
      expect({ context, reversed }).toEqual({ context, reversed: full });
    const got = full.legs.map((v) => this.views.get(v.id));
    if (JSON.stringify(got) !== JSON.stringify(full.legs) || JSON.stringify(this.room) !== JSON.stringify(full.room)) {
      expect({ context, legs: got, room: this.room }).toEqual({ context, legs: full.legs, room: full.room });
    }
  }
}

describe("incremental roster fold", () => {
  // 400 random meetings, each re-reduced after every batch: seconds of CPU on a loaded machine.
  it(
    "equals reduceRoster over every stored fact after every batch (random meetings, orders, batchings)",
    { timeout: 60_000 },
    async () => {
      const totals = { none: 0, legs: 0, all: 0 };
      await fc.assert(
        fc.asyncProperty(caseArb, async ({ legs, endOnHostExit, facts, sizes, resend }) => {
          const roster = new MemoryRoster(legs, { endOnHostExit });
          for (const [n, batch] of batches(facts, sizes, resend).entries()) {
            await roster.record(batch);
            roster.expectMatchesFullReduce({ batch: n });
          }
          for (const k of ["none", "legs", "all"] as const) totals[k] += roster.scopes[k];
        }),
        { numRuns: 400, seed: 20261125 },
      );
      // The property is only meaningful if most folds really were partial.
      expect(totals.legs).toBeGreaterThan(totals.all);
      expect(totals.none).toBeGreaterThan(0);
    },
  );

  it("equals reduceRoster on the realistic meeting for 200 seeded shufflings and batchings", async () => {
    for (let seed = 1; seed <= 200; seed++) {
      const [order, sizes, resend] = fc.sample(
        fc.tuple(
          fc.shuffledSubarray(scenarioEvents, { minLength: scenarioEvents.length }),
          fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1 }),
          fc.array(fc.nat(4), { minLength: 1 }),
        ),
        { seed, numRuns: 1 },
      )[0]!;
      for (const endOnHostExit of [true, false]) {
        const roster = new MemoryRoster(scenarioLegs, { endOnHostExit });
        for (const batch of batches(order, sizes, resend)) await roster.record(batch);
        roster.expectMatchesFullReduce({ seed, endOnHostExit });
      }
    }
  });

  it("re-derives one leg of a 1000-leg room from its own facts and the room's", async () => {
    const legs = Array.from({ length: 1000 }, (_, i): LegInfo => ({
      ...scenarioLegs[1]!,
      id: `B${i}`,
      role: i === 0 ? "host" : "participant",
    }));
    const roster = new MemoryRoster(legs, { endOnHostExit: true });
    await roster.record([
      { key: "start", kind: "room.start", seq: 1, at: t0 },
      ...legs.flatMap((l, i): RosterEvent[] => [
        { key: `a${i}`, kind: "call.answered", legId: l.id, at: t0 },
        { key: `j${i}`, kind: "room.join", legId: l.id, seq: 2 + i, at: t0 },
      ]),
    ]);
    expect(roster.scopes.all).toBe(1);
    roster.reads.facts = roster.reads.legs = 0;

    await roster.record([{ key: "mute", kind: "room.mute", legId: "B500", seq: 5000, at: t0 + 9000 }]);
    expect(roster.scopes.legs).toBe(1);
    // B500 and the host B0 (its exit would end the room): their facts (2 each, 1 new) + room.start.
    expect(roster.reads).toEqual({ legs: 2, facts: 6 });
    expect(roster.views.get("B500")).toMatchObject({ muted: true, muteSeq: 5000, state: "in_call" });
    roster.expectMatchesFullReduce("mute in a big room");

    // The host leaving moves the cut for everyone: the whole room is folded.
    await roster.record([{ key: "host-leave", kind: "room.leave", legId: "B0", seq: 5001, at: t0 + 10_000 }]);
    expect(roster.scopes.all).toBe(2);
    roster.expectMatchesFullReduce("host left");
  });
});

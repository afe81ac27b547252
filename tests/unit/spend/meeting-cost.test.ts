import { describe, expect, it } from "vitest";
import { legCostAt } from "@/lib/shared/cost";
import { rosterStatement } from "@/lib/shared/meeting-cost";
import type { LegView, RosterPerson } from "@/lib/shared/roster-types";

// The roster header sums legCostAt over every leg; the cost panel's statement is rebuilt from the
// same roster. At any one instant the two must be the same figure to the cent.

const seed = Number(process.env.TEST_SEED ?? Date.now() % 1_000_000);
let state = seed;
const rand = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;

function leg(i: number, participantId: string | null, start: number): LegView {
  const answeredAt = rand() < 0.8 ? start + Math.floor(rand() * 30_000) : null;
  const ended = answeredAt !== null && rand() < 0.5;
  const endedAt = ended ? answeredAt + Math.floor(rand() * 600_000) : null;
  const rate = [0, 150, 275, 1_000][Math.floor(rand() * 4)]!;
  return {
    id: `leg-${i}`,
    participantId,
    role: "participant",
    direction: participantId ? "outbound" : "inbound",
    attempt: 1,
    purpose: "dial",
    callId: `call-${i}`,
    fromE164: participantId ? null : `+25472200${String(i).padStart(4, "0")}`,
    toE164: participantId ? `+25471100${String(i).padStart(4, "0")}` : null,
    state: ended ? "left" : answeredAt ? "in_call" : "ringing",
    endReason: ended ? "hung_up" : null,
    muted: false,
    handRaisedAt: null,
    onFloor: false,
    muteSeq: 0,
    lastSeq: 0,
    ratePerMinuteMinor: rate,
    createdAt: start,
    ringingAt: start,
    answeredAt,
    waitingAt: null,
    joinedAt: answeredAt,
    endedAt,
    durationSeconds: endedAt && answeredAt ? Math.ceil((endedAt - answeredAt) / 1000) : null,
    // A final cost Sautikit reported for some ended legs; the rest are metered.
    costMinor: ended && rand() < 0.5 ? Math.floor(rand() * 5_000) : null,
  };
}

describe("one cost figure per meeting", () => {
  it(`the statement rebuilt from the roster totals what the roster header shows (seed ${seed})`, () => {
    const start = 1_780_000_000_000;
    for (let round = 0; round < 200; round++) {
      const people: RosterPerson[] = Array.from({ length: 1 + Math.floor(rand() * 6) }, (_, p) => {
        const guest = rand() < 0.2;
        const id = guest ? null : `p-${round}-${p}`;
        const legs = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, k) =>
          leg(round * 100 + p * 10 + k, id, start),
        );
        return {
          key: id ?? `g-${round}-${p}`,
          participantId: id,
          name: guest ? "Guest caller" : `Person ${p}`,
          phoneE164: legs[0]!.toE164 ?? legs[0]!.fromE164 ?? "",
          role: "participant",
          state: legs.at(-1)!.state,
          endReason: null,
          muted: false,
          currentLegId: legs.at(-1)!.id,
          dialError: null,
          legs,
          phoneDisplay: "",
        } as RosterPerson;
      });
      const now = start + Math.floor(rand() * 900_000);
      const header = people.flatMap((p) => p.legs).reduce((s, l) => s + legCostAt(l, now), 0);
      const statement = rosterStatement(people, now);
      expect(statement.totals.costMinor).toBe(header);
      expect(statement.rows.reduce((s, r) => s + r.costMinor, 0)).toBe(header);
      // Each listed person is one row whose cost is the sum of their legs, as on their roster row.
      for (const p of people.filter((x) => x.participantId)) {
        const row = statement.rows.find((r) => r.key === p.participantId)!;
        expect(row.costMinor).toBe(p.legs.reduce((s, l) => s + legCostAt(l, now), 0));
      }
    }
  });
});

// Random meetings and fact sets for the roster fold's property tests (unit: in memory; integration:
// on a real database).
import fc from "fast-check";
import type { LegInfo, RosterEvent } from "@/lib/roster/roster-event";
import { leftReasons } from "@/lib/shared/roster-types";

export const t0 = Date.parse("2026-12-01T06:30:00Z");

// Arbitrary meetings: a few legs (hosts common), facts of every kind with colliding keys, equal
// and missing sequence numbers and times, legs unknown to the meeting, room facts naming a leg.
const roleArb = fc.constantFrom<LegInfo["role"]>("host", "participant", "participant", "listener");
const legsArb = fc
  .array(fc.tuple(roleArb, fc.boolean(), fc.integer({ min: 0, max: 600 })), { minLength: 1, maxLength: 7 })
  .map((specs) =>
    specs.map(([role, dialled, rate], i): LegInfo => ({
      id: `L${i}`,
      participantId: `P${i % 4}`,
      role,
      direction: i % 3 === 0 ? "inbound" : "outbound",
      attempt: 1 + Math.floor(i / 4),
      callId: dialled ? `C${i}` : null,
      fromE164: null,
      toE164: null,
      ratePerMinuteMinor: rate,
      createdAt: t0 + (i % 3) * 1000,
    })),
  );

function factArb(legIds: string[], room: boolean): fc.Arbitrary<RosterEvent> {
  const legId = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...legIds) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constant("ghost") },
  );
  const roomLegId = fc.oneof(
    { weight: 4, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom(...legIds) },
  );
  // Weighted towards joins and leaves with sequence numbers: the facts whose order decides
  // "meeting ended" vs "hung up" and "waiting" vs "in call" across legs.
  const body = fc.oneof(
    fc.record({ kind: fc.constant("dial.accepted"), callId: fc.constantFrom("X1", "X2"), legId }),
    fc.record({ kind: fc.constant("dial.failed"), reason: fc.constantFrom(...leftReasons), legId }),
    fc.record({
      kind: fc.constantFrom(
        "call.ringing",
        "call.answered",
        "room.mute",
        "room.unmute",
        "control.mute",
        "control.unmute",
        "control.kick",
        "hand.raise",
        "hand.lower",
        "floor.grant",
        "floor.revoke",
      ),
      legId,
    }),
    fc.record(
      {
        kind: fc.constant("call.ended"),
        outcome: fc.constantFrom("completed", "completed", "busy", "no_answer", "failed", "canceled"),
        durationSeconds: fc.integer({ min: 0, max: 90 }),
        costMinor: fc.integer({ min: 0, max: 500 }),
        dropped: fc.boolean(),
        legId,
      },
      { requiredKeys: ["kind", "outcome", "legId"] },
    ),
    fc.record({
      kind: fc.constant("confirm.result"),
      result: fc.constantFrom("accepted", "declined", "silent"),
      legId,
    }),
    fc.record({ kind: fc.constantFrom("confirm.asked", "redial.scheduled", "redial.skipped"), legId }),
    {
      weight: 3,
      arbitrary: fc.record(
        { kind: fc.constant("room.join"), muted: fc.boolean(), legId },
        { requiredKeys: ["kind", "legId"] },
      ),
    },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("room.leave"), legId }) },
  );
  const roomBody = fc.record({
    kind: fc.constantFrom("room.start", "room.start", "room.end", "control.end"),
    legId: roomLegId,
  });
  return fc
    .record({
      body: room ? roomBody : body,
      key: fc.integer({ min: 0, max: 120 }),
      at: fc.integer({ min: 0, max: 60 }),
      seq: fc.option(fc.integer({ min: 0, max: 25 }), { nil: undefined, freq: 6 }),
    })
    .map(
      ({ body, key, at, seq }) =>
        ({ ...body, key: `k${key}`, at: t0 + at * 1000, ...(seq === undefined ? {} : { seq }) }) as RosterEvent,
    );
}

/** Splits the facts into batches of the given sizes; `resend` re-delivers earlier facts. */
export function batches(facts: RosterEvent[], sizes: number[], resend: number[]): RosterEvent[][] {
  const out: RosterEvent[][] = [];
  let i = 0;
  for (let b = 0; i < facts.length; b++) {
    const size = sizes[b % sizes.length]!;
    const batch = facts.slice(i, i + size);
    i += size;
    const again = facts[Math.min(i, facts.length) - 1 - resend[b % resend.length]!];
    if (again && again !== batch.at(-1)) batch.push(again);
    out.push(batch);
  }
  return out;
}

export const caseArb = legsArb.chain((legs) => {
  const ids = legs.map((l) => l.id);
  return fc.record({
    legs: fc.constant(legs),
    endOnHostExit: fc.boolean(),
    // Few room-level facts (each one ends or starts the room for everyone), interleaved at random.
    facts: fc
      .tuple(
        fc.array(factArb(ids, false), { maxLength: 60, size: "max" }),
        fc.array(factArb(ids, true), { maxLength: 3 }),
      )
      .chain(([legFacts, roomFacts]) =>
        fc.shuffledSubarray([...legFacts, ...roomFacts], { minLength: legFacts.length + roomFacts.length }),
      ),
    sizes: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 8 }),
    resend: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 8 }),
  });
});

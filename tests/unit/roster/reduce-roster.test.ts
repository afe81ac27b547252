import { describe, expect, it } from "vitest";
import { rng, shuffle } from "@/tests/support/seeded-shuffle";
import { reduceRoster } from "@/lib/roster/reduce-roster";
import { derivePeople } from "@/lib/roster/derive-people";
import type { RosterEvent } from "@/lib/roster/roster-event";
import { legCostAt, legSecondsInCall } from "@/lib/shared/cost";
import { events, legs, startOfScenario } from "./scenario";

const settings = { endOnHostExit: true };

const byId = (state: ReturnType<typeof reduceRoster>) => Object.fromEntries(state.legs.map((l) => [l.id, l]));

describe("reduceRoster on a full meeting", () => {
  const state = reduceRoster(legs, events, settings);
  const l = byId(state);

  it("ends every leg with the right reason", () => {
    expect(l["L-busy"]).toMatchObject({ state: "left", endReason: "busy", costMinor: 0, answeredAt: null });
    expect(l["L-kick"]).toMatchObject({ state: "left", endReason: "kicked" });
    expect(l["L-juma1"]).toMatchObject({ state: "left", endReason: "hung_up", costMinor: 95, durationSeconds: 19 });
    expect(l["L-host"]).toMatchObject({ state: "left", endReason: "hung_up" });
    for (const id of ["L-amina", "L-listen", "L-juma2"])
      expect(l[id]).toMatchObject({ state: "left", endReason: "meeting_ended" });
    expect(state.room).toMatchObject({ started: true, ended: true });
  });

  it("keeps the mute flag ordered by sequence, and listeners muted", () => {
    expect(l["L-amina"]!.muted).toBe(true);
    expect(l["L-amina"]!.muteSeq).toBe(10);
    expect(l["L-listen"]!.muted).toBe(true);
    expect(l["L-host"]!.muted).toBe(false);
  });

  it("meters time in call from the room start and bills per second", () => {
    const amina = l["L-amina"]!;
    expect(amina.waitingAt).toBe(startOfScenario + 5000);
    expect(amina.joinedAt).toBe(startOfScenario + 10_000);
    expect(legSecondsInCall(amina, Date.now())).toBe(60);
    expect(amina.durationSeconds).toBe(66);
    expect(amina.costMinor).toBe(330); // 66 s × KES 3/min
    expect(legCostAt(amina, Date.now())).toBe(330);
  });

  it("merges re-dials into one person row, legs kept as history", () => {
    const people = derivePeople(
      ["host", "amina", "juma", "busy", "listen", "kick"].map((k, i) => ({
        id: `P-${k}`,
        name: k,
        phoneE164: `+25471200000${i}`,
        role: k === "host" ? "host" : k === "listen" ? "listener" : "participant",
        createdAt: i,
      })),
      state.legs,
    );
    const juma = people.find((p) => p.participantId === "P-juma")!;
    expect(juma.legs.map((x) => x.id)).toEqual(["L-juma1", "L-juma2"]);
    expect(juma.currentLegId).toBe("L-juma2");
    expect(juma.endReason).toBe("meeting_ended");
    expect(people).toHaveLength(6);
  });
});

describe("reduceRoster mid-meeting", () => {
  it("shows waiting until the host starts the room, then in call", () => {
    const upTo = (key: string) => events.slice(0, events.findIndex((e) => e.key === key) + 1);
    const joinedAmina = events.find((e) => e.kind === "room.join" && e.legId === "L-amina")!.key;
    const start = events.find((e) => e.kind === "room.start")!.key;
    expect(byId(reduceRoster(legs, upTo(joinedAmina), settings))["L-amina"]!.state).toBe("waiting");
    const after = byId(reduceRoster(legs, upTo(start), settings));
    expect(after["L-amina"]!.state).toBe("in_call");
    expect(after["L-host"]!.state).toBe("in_call");
    expect(after["L-juma1"]!.state).toBe("ringing");
    expect(after["L-busy"]!.state).toBe("left");
  });

  it("moves forward only: a late ringing event after the join changes nothing", () => {
    const late: RosterEvent = { key: "late", kind: "call.ringing", legId: "L-amina", at: startOfScenario + 99_000 };
    const a = byId(reduceRoster(legs, events.slice(0, 12), settings));
    const b = byId(reduceRoster(legs, [...events.slice(0, 12), late], settings));
    expect(b["L-amina"]!.state).toBe(a["L-amina"]!.state);
    expect(b["L-amina"]!.ringingAt).toBe(a["L-amina"]!.ringingAt);
  });

  it("labels legs hung up by the organiser's end as meeting ended", () => {
    const cut = events.findIndex((e) => e.kind === "room.leave" && e.legId === "L-host");
    const head = events.slice(0, cut);
    const endAt = startOfScenario + 60_000;
    const tail: RosterEvent[] = [
      { key: "end", kind: "control.end", at: endAt },
      { key: "x1", kind: "room.leave", legId: "L-host", seq: 14, at: endAt + 100 },
      { key: "x2", kind: "room.leave", legId: "L-amina", seq: 15, at: endAt + 120 },
    ];
    const l = byId(reduceRoster(legs, [...head, ...tail], { endOnHostExit: false }));
    expect(l["L-host"]).toMatchObject({ state: "left", endReason: "meeting_ended" });
    expect(l["L-amina"]).toMatchObject({ state: "left", endReason: "meeting_ended" });
    expect(l["L-juma1"]).toMatchObject({ endReason: "hung_up" });
    expect(l["L-busy"]).toMatchObject({ endReason: "busy" });
  });
});

describe("raised hands and the floor", () => {
  // Amina is in the room until the host leaves at +70 s (scenario.ts); the facts come before that.
  const at = (s: number) => startOfScenario + s * 1000;
  const hand = (kind: "hand.raise" | "hand.lower" | "floor.grant" | "floor.revoke", s: number): RosterEvent => ({
    key: `${kind}:${s}`,
    kind,
    legId: "L-amina",
    at: at(s),
  });
  const live = events.filter((e) => e.at < at(60));

  it("takes the latest fact per leg, whatever the order, and a tie lowers the hand", () => {
    const facts = [hand("hand.raise", 20), hand("hand.lower", 25), hand("hand.raise", 30), hand("floor.grant", 31)];
    for (const seed of [1, 2, 3, 4, 5]) {
      const amina = byId(reduceRoster(legs, shuffle([...live, ...facts], seed), settings))["L-amina"]!;
      expect(amina).toMatchObject({ handRaisedAt: at(30), onFloor: true });
    }
    const tie = [hand("hand.raise", 40), { ...hand("hand.lower", 40), key: "tie" }];
    expect(byId(reduceRoster(legs, [...live, ...tie], settings))["L-amina"]!.handRaisedAt).toBeNull();
    expect(byId(reduceRoster(legs, [...live, ...tie].reverse(), settings))["L-amina"]!.handRaisedAt).toBeNull();
  });

  it("drops the hand and the floor of a leg that has left", () => {
    const amina = byId(reduceRoster(legs, [...events, hand("hand.raise", 20), hand("floor.grant", 21)], settings))[
      "L-amina"
    ]!;
    expect(amina).toMatchObject({ state: "left", handRaisedAt: null, onFloor: false });
  });
});

describe("mute commands the room accepted", () => {
  // Amina's last mute fact from the room is seq 10, muted (scenario.ts).
  const at = (s: number) => startOfScenario + s * 1000;
  const live = events.filter((e) => e.at < at(60));
  const command = (kind: "control.mute" | "control.unmute", seq: number, s: number): RosterEvent => ({
    key: `${kind}:${s}`,
    kind,
    legId: "L-amina",
    seq,
    at: at(s),
  });
  const aminaAfter = (facts: RosterEvent[], seed: number) =>
    byId(reduceRoster(legs, shuffle([...live, ...facts], seed), settings))["L-amina"]!;

  it("count at once, and a later command beats an earlier one sent on the same knowledge", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      expect(aminaAfter([command("control.unmute", 10, 30)], seed).muted).toBe(false);
      // *6 twice before the room's event for the first: the second one is the state.
      expect(aminaAfter([command("control.unmute", 10, 30), command("control.mute", 10, 31)], seed).muted).toBe(true);
      expect(aminaAfter([command("control.mute", 10, 30), command("control.unmute", 10, 31)], seed).muted).toBe(false);
    }
  });

  it("give way to any later room event, whatever the arrival order", () => {
    const roomUnmute: RosterEvent = {
      key: "room-unmute-11",
      kind: "room.unmute",
      legId: "L-amina",
      seq: 11,
      at: at(29),
    };
    const roomMute: RosterEvent = { key: "room-mute-12", kind: "room.mute", legId: "L-amina", seq: 12, at: at(32) };
    for (const seed of [1, 2, 3, 4, 5]) {
      // The command was sent knowing seq 10; the room's unmute (seq 11) is newer news than it.
      expect(aminaAfter([command("control.mute", 10, 30), roomUnmute], seed)).toMatchObject({
        muted: false,
        muteSeq: 11,
      });
      expect(aminaAfter([command("control.unmute", 11, 31), roomMute], seed)).toMatchObject({
        muted: true,
        muteSeq: 12,
      });
    }
  });
});

describe("reduceRoster is order- and duplicate-independent (property)", () => {
  const reference = reduceRoster(legs, events, settings);

  it("gives the same state with every event duplicated", () => {
    expect(
      reduceRoster(
        legs,
        events.flatMap((e) => [e, { ...e }]),
        settings,
      ),
    ).toEqual(reference);
  });

  it("gives the same state for 500 seeded shuffles with random duplicates", () => {
    for (let seed = 1; seed <= 500; seed++) {
      const r = rng(seed * 7919);
      const withDupes = events.flatMap((e) => (r() < 0.3 ? [e, { ...e }] : [e]));
      const got = reduceRoster(legs, shuffle(withDupes, seed), settings);
      if (JSON.stringify(got) !== JSON.stringify(reference)) {
        expect({ seed, got }).toEqual({ seed, got: reference });
      }
    }
  });

  it("gives the same state for every prefix regardless of its order", () => {
    for (let k = 1; k < events.length; k += 5) {
      const prefix = events.slice(0, k);
      const expected = reduceRoster(legs, prefix, settings);
      for (let seed = 1; seed <= 20; seed++)
        expect(reduceRoster(legs, shuffle(prefix, seed), settings)).toEqual(expected);
    }
  });
});

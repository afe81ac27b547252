// Automatic re-dial after a network drop, against the real emulator: a dropped leg is called back
// once ("You were cut off from <title>. Press 1 to rejoin.") and rejoins; at most twice per person;
// never after the person's own hang-up, and never once the meeting is over.
import { describe, expect, it } from "vitest";
import { appFixture } from "../support/app-fixture";
import { until } from "@/tests/support/until";

const app = appFixture({
  emulatorEnv: { EMULATOR_TIME_SCALE: "0.05", EMULATOR_RATE_LIMIT: "0" },
  modules: () => [import("@/lib/meetings/redial-after-drop"), import("@/lib/reconcile/reconcile-calls")],
});
const m = app.lib;
const { transcript, callsTo } = app.emulator;

let stayers = 0;
/** A live meeting: the person under test plus someone who stays (an empty room would end the meeting). */
async function meetingWith(title: string, phone: string) {
  const { actor } = await app.workspace();
  const meeting = await app.meeting(actor, { title, waitForHost: false, endOnHostExit: false });
  const stayer = await m.addParticipant(actor, meeting.id, {
    name: "Stayer",
    phone: `+2547224999${String(++stayers).padStart(2, "0")}`,
  });
  await m.dialParticipant(actor, meeting.id, stayer.id);
  await inCallOnAttempt(stayer.id, 1);
  const p = await m.addParticipant(actor, meeting.id, { name: "Wanjiru", phone });
  await m.dialParticipant(actor, meeting.id, p.id);
  return { actor, meeting, participantId: p.id };
}

const legsOf = (participantId: string) => m.db.leg.findMany({ where: { participantId }, orderBy: { attempt: "asc" } });
/** The n-th leg once its call's end has been applied (a room leave alone may come first). */
const ended = (participantId: string, n: number, timeoutMs?: number) =>
  until(
    `leg ${n} ended`,
    async () => {
      const id = (await legsOf(participantId))[n - 1]?.id;
      if (!id || !(await m.db.rosterEvent.count({ where: { legId: id, kind: "call.ended" } }))) return undefined;
      // Read after the fact was seen: the fold that stored it wrote the leg in the same transaction
      // (a leg read before the count could predate it: "left" from the room's leave alone).
      const l = await m.db.leg.findUniqueOrThrow({ where: { id } });
      return l.state === "left" ? l : undefined;
    },
    timeoutMs,
  );
const inCallOnAttempt = (participantId: string, attempt: number) =>
  until(`attempt ${attempt} in call`, async () => {
    await m.runDueJobs({ workerId: "redial-test" });
    const legs = await legsOf(participantId);
    return legs.length === attempt && legs[attempt - 1]!.state === "in_call" ? legs : undefined;
  });

describe("re-dial after a network drop", () => {
  it("calls a dropped person back once, they rejoin; at most twice per meeting", { timeout: 120_000 }, async () => {
    const phone = "+254722400001";
    const { actor, meeting, participantId } = await meetingWith("Harvest planning", phone);
    await inCallOnAttempt(participantId, 1);

    await app.emulator.drop(phone);
    const dropped = await until("the call back scheduled", async () => {
      const leg = await ended(participantId, 1);
      return leg.endReason === "dropped_calling_back" ? leg : undefined;
    });
    const job = await m.db.job.findUniqueOrThrow({ where: { uniqueKey: `redial:${dropped.id}` } });
    expect(job.runAt.getTime() - dropped.endedAt!.getTime()).toBeLessThanOrEqual(5_000);

    const legs = await inCallOnAttempt(participantId, 2);
    expect(legs[1]).toMatchObject({ purpose: "redial", direction: "outbound" });
    expect(
      (await transcript(phone)).some((l) => l.text === "You were cut off from Harvest planning. Press 1 to rejoin."),
    ).toBe(true);
    const person = (await m.buildRoster(meeting.id)).people.find((x) => x.name === "Wanjiru")!;
    expect(person.state).toBe("in_call");
    expect(person.legs.map((l) => l.endReason)).toEqual(["dropped_calling_back", null]);
    expect(await callsTo(phone)).toHaveLength(2);

    // A second drop: called back again. A third: the limit is reached, the person stays dropped.
    await app.emulator.drop(phone);
    await inCallOnAttempt(participantId, 3);
    await app.emulator.drop(phone);
    const third = await ended(participantId, 3);
    expect(third.endReason).toBe("dropped");
    expect(await m.db.job.count({ where: { uniqueKey: `redial:${third.id}` } })).toBe(0);
    await m.runDueJobs({ workerId: "redial-test" });
    expect(await legsOf(participantId)).toHaveLength(3);
    expect(await callsTo(phone)).toHaveLength(3);

    // The call log tells the same story, by the same reason codes the roster and statement name.
    const log = await m.reconcileCalls(actor, { days: 1 });
    const rows = log.rows.filter((r) => r.participantName === "Wanjiru" && r.meetingId === meeting.id);
    expect(rows.map((r) => [r.purpose, r.outcome.endReason]).reverse()).toEqual([
      ["dial", "dropped_calling_back"],
      ["redial", "dropped_calling_back"],
      ["redial", "dropped"],
    ]);
  });

  it("never after the person's own hang-up, nor once the meeting is over", { timeout: 120_000 }, async () => {
    const own = "+254722400002";
    const a = await meetingWith("Own hang-up", own);
    await inCallOnAttempt(a.participantId, 1);
    await app.emulator.hangup(own);
    expect((await ended(a.participantId, 1)).endReason).toBe("hung_up");

    // The drop reaches Mkutano only after the organiser ended the meeting (its events are held).
    const late = "+254722400003";
    const b = await meetingWith("Over already", late);
    await inCallOnAttempt(b.participantId, 1);
    await app.emulator.faults({ delay_ms: 3_000 });
    try {
      await app.emulator.drop(late);
      await m.endMeeting(b.actor, b.meeting.id);
      expect((await ended(b.participantId, 1, 30_000)).endReason).toBe("dropped");
    } finally {
      await app.emulator.clearFaults();
    }
    await m.runDueJobs({ workerId: "redial-test" });
    for (const x of [a, b]) {
      expect(
        await m.db.job.count({
          where: {
            kind: m.REDIAL_JOB,
            payload: { path: ["legId"], equals: (await legsOf(x.participantId))[0]!.id },
          },
        }),
      ).toBe(0);
      expect(await legsOf(x.participantId)).toHaveLength(1);
    }
    expect(await callsTo(own)).toHaveLength(1);
    expect(await callsTo(late)).toHaveLength(1);
  });
});

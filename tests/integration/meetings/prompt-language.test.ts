// Every prompt a caller hears is in the meeting's language; both languages only where no meeting
// (so no language) is known yet. Outbound voice callbacks through the real route, real database.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { appFixture } from "../support/app-fixture";
import { meetingWithPlacedLegs, type VoiceAnswer as Answer } from "./support";

const app = appFixture();
const m = app.lib;

type Say = { text: string; language: string };
const says = (a: Answer) => a.actions.flatMap((x) => (x.say ? [x.say as Say] : []));
/** Every Say, including those nested in a getDigits (the answer confirmation). */
const allSays = (a: Answer): Say[] =>
  a.actions.flatMap((x) =>
    x.say
      ? [x.say as Say]
      : x.getDigits
        ? ((x.getDigits.nested as Answer["actions"] | undefined) ?? []).flatMap((n) => (n.say ? [n.say as Say] : []))
        : [],
  );

async function swahiliMeeting(opts: { capacity: number; people: number; confirmAnswer?: boolean }) {
  const { meeting, legs, callback } = await meetingWithPlacedLegs(m.db, app.url, {
    meeting: {
      language: "sw",
      capacity: opts.capacity,
      waitForHost: false,
      endOnHostExit: false,
      confirmAnswer: opts.confirmAnswer ?? false,
    },
    people: Array.from({ length: opts.people }, (_, i) => ({
      name: `Mtu ${i + 1}`,
      phone: `+2547120003${String(i).padStart(2, "0")}`,
    })),
  });
  const answer = (callId: string, clientRequestId?: string) =>
    callback({
      CallId: callId,
      sessionId: `HD_${callId}`,
      To: "+254712000999",
      ...(clientRequestId ? { clientRequestId } : {}),
    });
  return { meeting, legs, callback: answer };
}

describe("prompt language", () => {
  it(
    "a Swahili meeting greets, turns away when full, says goodbye and apologises after the end in Swahili only",
    { timeout: 60_000 },
    async () => {
      const { meeting, legs, callback } = await swahiliMeeting({ capacity: 2, people: 3 });
      const admitted = await callback(legs[0]!.callId!, legs[0]!.idempotencyKey!);
      expect(says(admitted)[0]).toEqual({ text: m.sw.greeting("Mtu 1", meeting.title), language: "sw-KE" });

      await callback(legs[1]!.callId!, legs[1]!.idempotencyKey!);
      const full = await callback(legs[2]!.callId!, legs[2]!.idempotencyKey!);
      expect(says(full)).toEqual([{ text: m.sw.meetingFull, language: "sw-KE" }]);

      await m.db.meeting.update({ where: { id: meeting.id }, data: { status: "ended", endedAt: new Date() } });
      const ended = await callback(legs[0]!.callId!, legs[0]!.idempotencyKey!);
      expect(says(ended)).toEqual([{ text: m.sw.meetingEnded, language: "sw-KE" }]);
      for (const answer of [admitted, full, ended])
        expect(says(answer).every((s) => s.language === "sw-KE")).toBe(true);
    },
  );

  it("the answer confirmation (press 1 to join) is in the meeting's language too", async () => {
    const { meeting, legs, callback } = await swahiliMeeting({ capacity: 5, people: 1, confirmAnswer: true });
    const asked = await callback(legs[0]!.callId!, legs[0]!.idempotencyKey!);
    expect(allSays(asked)).toContainEqual({ text: m.sw.confirmJoin("Mtu 1", meeting.title), language: "sw-KE" });
    expect(allSays(asked).every((s) => s.language === "sw-KE")).toBe(true);
  });

  it("a callback for a call that is no meeting's is answered in both languages, then hung up", async () => {
    const { callback } = await swahiliMeeting({ capacity: 5, people: 0 });
    const stray = await callback(`CA${randomUUID().replaceAll("-", "")}`);
    expect(says(stray)).toEqual([
      { text: m.en.meetingNotFound, language: "en-KE" },
      { text: m.sw.meetingNotFound, language: "sw-KE" },
    ]);
    expect(stray.actions.at(-1)).toEqual({ hangup: {} });
  });
});

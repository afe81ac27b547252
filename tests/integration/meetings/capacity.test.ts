// Capacity: with a meeting of N places full, the (N+1)th person answers, hears the apology (Say)
// and is hung up — never left stalled in a silent room. Real emulator, real routes, real database.
import { describe, expect, it } from "vitest";
import { appFixture } from "../support/app-fixture";
import { until } from "@/tests/support/until";

const app = appFixture();
const m = app.lib;

describe("meeting capacity", () => {
  it("turns the (N+1)th person away with an apology and a hangup", { timeout: 150_000 }, async () => {
    const { actor } = await app.workspace();
    const meeting = await app.meeting(actor, { capacity: 2, waitForHost: false, endOnHostExit: false });
    const phones = ["+254711000101", "+254711000102", "+254711000103"];
    const people = [];
    for (const [i, phone] of phones.entries())
      people.push(await m.addParticipant(actor, meeting.id, { name: `Person ${i + 1}`, phone }));

    const legState = (participantId: string) =>
      m.db.leg.findFirst({ where: { participantId }, orderBy: { attempt: "desc" } }).then((l) => l ?? undefined);

    // Fill the room one by one so the order of answers is known.
    for (const p of people.slice(0, 2)) {
      await m.dialParticipant(actor, meeting.id, p.id);
      await until(`${p.name} in the room`, async () => (await legState(p.id))?.state === "in_call");
    }

    const third = people[2]!;
    await m.dialParticipant(actor, meeting.id, third.id);
    const leg = await until("the third leg to end", async () => {
      const l = await legState(third.id);
      return l?.state === "left" ? l : undefined;
    });
    expect(leg.joinedAt).toBeNull();

    const state = await app.emulator.state();
    const phone = state.phones.find((p) => p.e164 === phones[2])!;
    expect(phone.transcript.filter((t) => t.kind === "say").map((t) => t.text)).toContain(m.en.meetingFull);
    expect(phone.state).not.toBe("in_call");
    const room = state.rooms.find((r) => r.name === meeting.roomName)!;
    expect(room.members.map((x) => x.e164).sort()).toEqual(phones.slice(0, 2));
    for (const p of people.slice(0, 2)) expect((await legState(p.id))?.state).toBe("in_call");

    // Ending the meeting hangs up everyone still in it.
    const ended = await m.endMeeting(actor, meeting.id);
    expect(ended).toEqual({ hungUp: 2, failed: 0 });
    for (const p of people.slice(0, 2)) {
      await until(`${p.name} to leave`, async () => (await legState(p.id))?.state === "left");
      expect((await legState(p.id))?.endReason).toBe("meeting_ended");
    }
  });
});

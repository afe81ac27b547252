// Answer confirmation against the real emulator: an answered dial-out hears "press 1 to join" in
// the meeting's language. 1 joins, 2 declines, silence (a withheld key, or a voicemail) is asked
// twice and then hung up — inside the confirmation window, so a voicemail costs at most that.
import { describe, expect, it } from "vitest";
import { appFixture } from "../support/app-fixture";
import { until } from "@/tests/support/until";

// Its own emulator, prompts paced 20× faster; waits on a person (getDigits) stay real seconds.
const app = appFixture({
  emulatorEnv: { EMULATOR_TIME_SCALE: "0.05", EMULATOR_RATE_LIMIT: "0" },
  modules: () => [import("@/lib/meetings/confirm-answer"), import("@/lib/sautikit/contract/constants")],
});
const m = app.lib;
const { transcript, callTo: emulatorCall } = app.emulator;
const person = app.person;
const leftRow = (meetingId: string, name: string) =>
  until(`${name} to leave`, async () => {
    const r = await person(meetingId, name);
    return r.state === "left" ? r : undefined;
  });

describe("answer confirmation", { timeout: 120_000 }, () => {
  it("1 joins, 2 declines, silence and voicemail are asked twice then hung up inside the window", async () => {
    const { actor, meeting } = await app.workspaceMeeting({ title: "Budget review", waitForHost: false });
    expect(meeting.confirmAnswer).toBe(true);
    const phones = {
      joins: "+254722300001",
      declines: "+254722300002",
      silent: "+254722300003",
      voicemail: "+254700000655",
    };
    await app.emulator.behaviour(phones.declines, { prompt_key: "2" });
    await app.emulator.behaviour(phones.silent, { prompt_key: null });
    const ids: Record<string, string> = {};
    for (const [name, phone] of Object.entries(phones))
      ids[name] = (await m.addParticipant(actor, meeting.id, { name, phone })).id;
    await Promise.all(Object.values(ids).map((id) => m.dialParticipant(actor, meeting.id, id)));

    // 1: the prompt names the person and the meeting; then into the room exactly as before.
    await until("joins in call", async () => (await person(meeting.id, "joins")).state === "in_call");
    const heard = await transcript(phones.joins);
    const prompt = heard.find((l) => l.kind === "say" && l.text.includes("Press 1 to join"));
    expect(prompt).toMatchObject({
      text: "Hello joins, this is Mkutano calling you into Budget review. Press 1 to join.",
      language: "en-KE",
    });
    expect(heard.map((l) => l.kind)).toContain("digits");
    expect(heard.findIndex((l) => l.text.startsWith("Hello joins. You are joining"))).toBeGreaterThan(
      heard.indexOf(prompt!),
    );

    // 2: a clear "no", hung up, roster "Declined".
    const declined = await leftRow(meeting.id, "declines");
    expect(declined.endReason).toBe("declined");
    expect((await transcript(phones.declines)).some((l) => l.text === "Okay, we will not connect you. Goodbye.")).toBe(
      true,
    );

    // Silence: asked twice, a polite goodbye, roster "No answer from a person (voicemail?)".
    // Two 6 s asks plus prompts, with room for a loaded machine; the mailbox alone would record 60 s.
    const window = 2 * m.CONFIRM_TIMEOUT_SECONDS + 18;
    for (const name of ["silent", "voicemail"] as const) {
      const row = await leftRow(meeting.id, name);
      expect(row.endReason).toBe("no_person");
      const lines = await transcript(phones[name]);
      expect(lines.filter((l) => l.text.includes("Press 1 to join"))).toHaveLength(2);
      expect(lines.some((l) => l.text.startsWith("We did not hear a key press"))).toBe(true);
      expect(lines.some((l) => l.kind === "digits")).toBe(false);
      const call = await until(`${name}'s call record`, async () => {
        const c = await emulatorCall(phones[name]);
        return c?.ended_at ? c : undefined;
      });
      // Hung up by Mkutano inside the confirmation window, not by the mailbox after its 60 s.
      expect(call.duration_seconds).toBeLessThanOrEqual(window);
      expect(call.cost_minor).toBeLessThanOrEqual(m.callCostMinor(window, 300));
      const leg = await until(`${name}'s leg cost`, async () => {
        const l = await m.db.leg.findFirst({ where: { participantId: ids[name] } });
        return l?.costMinor != null ? l : undefined;
      });
      expect(leg.costMinor).toBe(call.cost_minor);
    }
    expect((await transcript(phones.voicemail)).some((l) => l.text.startsWith("Voicemail greeting"))).toBe(true);
    // Nobody but the one who pressed 1 ever reached the room.
    const facts = await m.db.rosterEvent.findMany({ where: { meetingId: meeting.id, kind: "confirm.result" } });
    expect(facts.map((f) => [f.legId, (f.data as { result: string }).result]).sort()).toHaveLength(4);
    const joinedLegs = await m.db.leg.findMany({ where: { meetingId: meeting.id, joinedAt: { not: null } } });
    expect(joinedLegs.map((l) => l.participantId)).toEqual([ids.joins]);
  });

  it("asks in Swahili for a Swahili meeting; turned off, the person goes straight in", async () => {
    const { actor } = await app.workspace();
    const sw = await app.meeting(actor, { title: "Mkutano wa bajeti", language: "sw", waitForHost: false });
    const off = await app.meeting(actor, { title: "No questions", waitForHost: false, confirmAnswer: false });
    const a = await m.addParticipant(actor, sw.id, { name: "Amina", phone: "+254722300011" });
    const b = await m.addParticipant(actor, off.id, { name: "Baraka", phone: "+254722300012" });
    await m.dialParticipant(actor, sw.id, a.id);
    await m.dialParticipant(actor, off.id, b.id);
    await until("Amina in call", async () => (await person(sw.id, "Amina")).state === "in_call");
    await until("Baraka in call", async () => (await person(off.id, "Baraka")).state === "in_call");
    expect((await transcript("+254722300011")).find((l) => l.text.includes("Bonyeza 1"))).toMatchObject({
      text: "Habari Amina, hapa ni Mkutano. Tunakupigia ujiunge na Mkutano wa bajeti. Bonyeza 1 kujiunga.",
      language: "sw-KE",
    });
    const baraka = await transcript("+254722300012");
    expect(baraka.some((l) => l.text.includes("Press 1"))).toBe(false);
    expect(baraka.some((l) => l.kind === "digits")).toBe(false);
    await app.emulator.hangup("+254722300011");
    await app.emulator.hangup("+254722300012");
  });
});

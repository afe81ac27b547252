// The phone keys against a real emulator process of this file's own (its faults are switched on
// and off here): people press keys on the emulator's phones, the emulator posts the digits
// (signed) to the app, which acts through Sautikit's conference commands and speaks the reply to
// the presser alone. After each step the emulator's room and the roster are compared.
import { isDeepStrictEqual } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { appFixture, freshPhone } from "../support/app-fixture";
import { until } from "@/tests/support/until";

// A private emulator (its faults are switched on and off here), speaking at 1/20 of real time: the
// key list is long.
const app = appFixture({
  emulatorEnv: { EMULATOR_LOG: "quiet", EMULATOR_TIME_SCALE: "0.05" },
  jobWorker: { intervalMs: 200 },
  modules: () => [
    import("@/lib/call-control/control-leg"),
    import("@/lib/call-control/switch-moderation"),
    import("@/lib/shared/raised-hands"),
    import("@/lib/meetings/prompts/key-list"),
    import("@/lib/dial-in/apply-keypad"),
  ],
});
const m = app.lib;
const em = app.emulator;
afterEach(() => em.clearFaults());

type Role = "participant" | "listener";

/**
 * A live meeting: `people` dial in (recognised by caller ID), then the host with the host PIN.
 * `phones` holds each person's number by name; `id` and `room` are the meeting's and its room's.
 */
async function liveMeeting<const Name extends string>(people: Record<Name, Role>) {
  const ws = await app.workspace();
  const meeting = await app.meeting(ws.actor, { title: "Chama", startsAt: new Date().toISOString() });
  const phones = {} as Record<Name, string>;
  for (const [name, role] of Object.entries(people) as [Name, Role][]) {
    phones[name] = freshPhone();
    await m.addParticipant(ws.actor, meeting.id, { name, phone: phones[name], role });
  }
  const numbers = Object.values<string>(phones);
  await Promise.all(numbers.map((p) => em.dial(p, ws.dialIn)));
  const host = freshPhone();
  await em.dial(host, ws.dialIn);
  await em.hears(host, m.en.enterPin);
  await em.press(host, `${meeting.hostPin}#`);
  await em.hears(host, m.en.keyHint);
  const all = [...numbers, host];
  await until("everyone in the live room", async () => inRoom(meeting.id, meeting.roomName, all));
  return { ws, meeting, id: meeting.id, room: meeting.roomName, phones, host };
}

async function inRoom(meetingId: string, roomName: string, e164s: string[]) {
  const inCall = (await m.buildRoster(meetingId)).people.filter((p) => p.state === "in_call").map((p) => p.phoneE164);
  const members = ((await em.room(roomName))?.members ?? []).filter((x) => !x.waiting).map((x) => x.e164);
  return e164s.every((p) => inCall.includes(p) && members.includes(p));
}

/** Mute flags of the room (emulator) and of the roster, by phone. */
async function muteFlags(meetingId: string, roomName: string) {
  const room = Object.fromEntries(((await em.room(roomName))?.members ?? []).map((x) => [x.e164, x.muted]));
  const people = (await m.buildRoster(meetingId)).people.filter((p) => p.state === "in_call");
  return { room, rows: Object.fromEntries(people.map((p) => [p.phoneE164, p.muted])) };
}

/** Waits until the room and the roster both show exactly `want`. */
async function agree(what: string, meetingId: string, roomName: string, want: Record<string, boolean>) {
  await until(what, async () => {
    const s = await muteFlags(meetingId, roomName);
    return isDeepStrictEqual(s.room, want) && isDeepStrictEqual(s.rows, want);
  });
}

/** Presses keys and waits for the reply the presser alone hears (nobody else hears it). */
async function pressAndHear(phone: string, keys: string, reply: string, others: string[] = []) {
  const before = (await em.heard(phone)).filter((t) => t === reply).length;
  await em.press(phone, keys);
  await until(`${phone} to hear “${reply}” after ${keys}`, async () => {
    return (await em.heard(phone)).filter((t) => t === reply).length > before;
  });
  for (const o of others) expect(await em.heard(o), `${o} must not hear “${reply}”`).not.toContain(reply);
}

const queue = async (meetingId: string) =>
  m.raisedHands((await m.buildRoster(meetingId)).people).map((p) => p.phoneE164);

describe("phone keys", { timeout: 240_000 }, () => {
  it("everyone's keys (*6 *9 *# *0, unknown keys) and the host's (*5 *8 *7 *4 *3), room and roster agreeing", async () => {
    const people = { Amina: "participant", Baraka: "participant", Lena: "listener" } as const;
    const { meeting, id, room, phones, host } = await liveMeeting(people);
    const { Amina: amina, Baraka: baraka, Lena: lena } = phones;
    const en = m.en;
    const want = (a: boolean, b: boolean) => ({ [amina]: a, [baraka]: b, [lena]: true, [host]: false });
    await agree("the listener muted, everyone else not", id, room, want(false, false));

    // *6: mute and unmute myself; a listener stays muted.
    await pressAndHear(amina, "*6", en.mutedSelf, [baraka, lena, host]);
    await agree("Amina muted", id, room, want(true, false));
    await pressAndHear(amina, "*6", en.unmutedSelf);
    await agree("Amina unmuted", id, room, want(false, false));
    await pressAndHear(lena, "*6", en.listenerStaysMuted);
    await agree("the listener still muted", id, room, want(false, false));

    // *#: the head count, to the presser only. *0: the key list, host keys for hosts only.
    await pressAndHear(baraka, "*#", en.headCount(4), [amina, lena, host]);
    const [everyoneKeys, hostKeys] = m.spokenKeyList(en, { everyone: true, host: true });
    await pressAndHear(baraka, "*0", everyoneKeys!);
    expect(await em.heard(baraka)).not.toContain(hostKeys);
    await pressAndHear(host, "*0", hostKeys!);
    // Unknown keys and host keys from a participant get a short hint, never silence.
    await pressAndHear(baraka, "*1", en.unknownKeypadCommand);
    await pressAndHear(baraka, "#5", en.unknownKeypadCommand);
    await pressAndHear(baraka, "*3", en.hostOnlyKey);
    expect((await m.db.meeting.findUniqueOrThrow({ where: { id } })).status).toBe("live");

    // *9 raises and lowers; the queue keeps the order hands went up.
    await pressAndHear(amina, "*9", en.handRaised);
    await pressAndHear(baraka, "*9", en.handRaised);
    expect(await queue(id)).toEqual([amina, baraka]);
    await pressAndHear(amina, "*9", en.handLowered);
    await pressAndHear(amina, "*9", en.handRaised);
    expect(await queue(id)).toEqual([baraka, amina]);

    // *5 mutes everyone but the host; *8 lets the first raised hand speak (unmuted, hand down).
    await pressAndHear(host, "*5", en.everyoneMuted, [amina, baraka, lena]);
    await agree("everyone but the host muted", id, room, want(true, true));
    await pressAndHear(host, "*8", en.nextHandSpeaking, [amina, baraka]);
    await agree("Baraka let speak", id, room, want(true, false));
    expect(await queue(id)).toEqual([amina]);
    // *5 toggles: someone can talk, so it mutes again; then it unmutes everyone but the listener.
    await pressAndHear(host, "*5", en.everyoneMuted);
    await agree("everyone but the host muted again", id, room, want(true, true));
    await pressAndHear(host, "*5", en.everyoneUnmuted);
    await agree("speakers unmuted, the listener still muted", id, room, want(false, false));
    await pressAndHear(host, "*8", en.nextHandSpeaking);
    expect(await queue(id)).toEqual([]);
    await pressAndHear(host, "*8", en.noHandsRaised);

    // *7 locks; *4 (the meeting's extension) answers; *3 asks, a second *3 ends.
    await pressAndHear(host, "*7", en.roomLocked);
    expect((await m.db.meeting.findUniqueOrThrow({ where: { id } })).locked).toBe(true);
    const late = freshPhone();
    await em.dial(
      late,
      (await m.db.sautikitConnection.findFirstOrThrow({ where: { workspaceId: meeting.workspaceId } })).dialInNumber!,
    );
    await em.hears(late, en.enterPin);
    await em.press(late, `${meeting.pin}#`);
    await em.hears(late, en.meetingLocked);
    // *4 extends the meeting by 15 minutes and says so to the host alone.
    const extendedBy = en.meetingExtended(15, 1).split(" It now")[0]!;
    await em.press(host, "*4");
    await until(`${host} to hear the extension`, async () =>
      (await em.heard(host)).some((t) => t.startsWith(extendedBy)),
    );
    for (const o of [amina, baraka, lena])
      expect((await em.heard(o)).some((t) => t.startsWith(extendedBy))).toBe(false);
    expect((await m.db.meeting.findUniqueOrThrow({ where: { id } })).extendedMinutes).toBe(15);
    await pressAndHear(host, "*3", en.confirmEnd);
    expect((await m.db.meeting.findUniqueOrThrow({ where: { id } })).status).toBe("live");
    await pressAndHear(host, "*3", en.endingMeeting);
    for (const p of [amina, baraka, lena, host]) await em.idle(p);
    expect((await m.db.meeting.findUniqueOrThrow({ where: { id } })).status).toBe("ended");
    const actions = (
      await m.db.auditLog.findMany({ where: { target: id, details: { path: ["via"], equals: "keypad" } } })
    )
      .map((a) => a.action)
      .sort();
    expect(actions).toEqual(
      [
        "meeting.ended",
        "meeting.extended",
        "meeting.locked",
        "meeting.muted_all",
        "meeting.muted_all",
        "meeting.unmuted_all",
        "participant.let_speak",
        "participant.let_speak",
      ].sort(),
    );
  });

  it("raised hands queue in the order pressed, even when the presses arrive reversed", async () => {
    const names = ["P1", "P2", "P3", "P4", "P5"];
    const { meeting, phones } = await liveMeeting(Object.fromEntries(names.map((n) => [n, "participant" as Role])));
    const order = names.map((n) => phones[n]!);
    // The emulator holds the digits deliveries and releases them newest first.
    await em.faults({ reorder: true });
    for (const p of order) {
      const t = Date.now();
      await em.press(p, "*9");
      // Presses a clock tick apart, so "the order pressed" is well defined.
      await until("the clock to move on", async () => Date.now() > t + 1);
    }
    await until("every hand raised", async () => (await queue(meeting.id)).length === order.length);
    expect(await queue(meeting.id)).toEqual(order);
    for (const p of order) await em.hears(p, m.en.handRaised);
    // Concurrent presses: a second round of *9 from everyone at once lowers every hand once.
    await em.clearFaults();
    await Promise.all(order.map((p) => em.press(p, "*9")));
    await until("every hand lowered", async () => (await queue(meeting.id)).length === 0);
    expect(await m.db.rosterEvent.count({ where: { meetingId: meeting.id, kind: "hand.raise" } })).toBe(5);
    expect(await m.db.rosterEvent.count({ where: { meetingId: meeting.id, kind: "hand.lower" } })).toBe(5);
  });

  it("*6 twice before the room's mute event arrives: the second press unmutes, and the room's events settle it", async () => {
    const { ws, meeting, phones, host } = await liveMeeting({ Amina: "participant" });
    const amina = phones.Amina;
    const callId = (await em.phone(amina))!.call_id!;
    // The room's events are held back well past both presses, so only what the app itself knows
    // of its own mute command can tell the second *6 that Amina is muted now.
    await em.faults({ delay_ms: 10_000 });
    const press = (n: number) =>
      m.applyKeypad(ws.actor.workspaceId, { room: meeting.roomName, callId, digits: "*6" }, `race-${n}`);
    expect(await press(1)).toEqual({ actions: [{ say: { text: m.en.mutedSelf, language: m.en.language } }] });
    expect((await m.buildRoster(meeting.id)).people.find((p) => p.phoneE164 === amina)?.muted).toBe(true);
    expect(await press(2)).toEqual({ actions: [{ say: { text: m.en.unmutedSelf, language: m.en.language } }] });
    await em.faults({ delay_ms: 0 });
    await agree("Amina unmuted in the room and on the roster", meeting.id, meeting.roomName, {
      [amina]: false,
      [host]: false,
    });
  });

  it("modes: Presentation and Q&A from the keypad and the roster, newcomers during a switch, duplicated events", async () => {
    const people = { Amina: "participant", Baraka: "participant", Juma: "participant" } as const;
    const { ws, id, room, phones, host } = await liveMeeting(people);
    const { Amina: amina, Baraka: baraka, Juma: juma } = phones;
    const en = m.en;
    // Every event from here on is delivered twice (same event id).
    await em.faults({ duplicate: true });
    const flags = (a: boolean, b: boolean, j: boolean, extra: Record<string, boolean> = {}) => ({
      [amina]: a,
      [baraka]: b,
      [juma]: j,
      [host]: false,
      ...extra,
    });
    const legOf = async (e164: string) =>
      (await m.buildRoster(id)).people.find((p) => p.phoneE164 === e164)!.currentLegId!;

    // *2: Open → Presentation mutes everyone but the host; *6 is refused.
    await pressAndHear(host, "*2", en.modeNow.presentation);
    await agree("presentation: only the host unmuted", id, room, flags(true, true, true));
    await pressAndHear(amina, "*6", en.selfUnmuteRefused);
    // "Let speak" from the roster gives Amina the floor: unmuted, and *6 works for her again.
    await m.controlLeg(ws.actor, id, await legOf(amina), "let-speak");
    await agree("Amina on the floor", id, room, flags(false, true, true));
    await pressAndHear(amina, "*6", en.mutedSelf);
    await pressAndHear(amina, "*6", en.unmutedSelf);
    await agree("Amina unmuted herself", id, room, flags(false, true, true));

    // *2 again: Q&A takes every floor back; people speak one at a time.
    await pressAndHear(host, "*2", en.modeNow.qa);
    await agree("Q&A: everyone muted", id, room, flags(true, true, true));
    await pressAndHear(baraka, "*9", en.handRaised);
    await pressAndHear(juma, "*9", en.handRaised);
    await pressAndHear(host, "*8", en.nextHandSpeaking);
    await agree("Baraka's turn", id, room, flags(true, false, true));
    await pressAndHear(host, "*8", en.nextHandSpeaking);
    await agree("Juma's turn, Baraka muted again", id, room, flags(true, true, false));

    // A newcomer answered while the room is in Q&A joins muted; the host switches to Open
    // (from the roster) while the newcomer's join event is still held back: the join settles it.
    const zawadi = freshPhone();
    await m.addParticipant(ws.actor, id, { name: "Zawadi", phone: zawadi });
    await em.faults({ delay_ms: 1500 });
    await em.dial(zawadi, ws.dialIn);
    await until("Zawadi in the emulator's room, muted", async () =>
      ((await em.room(room))?.members ?? []).some((x) => x.e164 === zawadi && x.muted),
    );
    expect((await m.buildRoster(id)).people.find((p) => p.phoneE164 === zawadi)?.state).not.toBe("in_call");
    await m.switchModeration(ws.actor, id, "open");
    await em.faults({ delay_ms: 0 });
    await agree("Open: everyone unmuted, the newcomer too", id, room, flags(false, false, false, { [zawadi]: false }));

    // The other way round: answered in Open (joins unmuted), switched to Presentation before the
    // join event arrives.
    const yusuf = freshPhone();
    await m.addParticipant(ws.actor, id, { name: "Yusuf", phone: yusuf });
    await em.faults({ delay_ms: 1500 });
    await em.dial(yusuf, ws.dialIn);
    await until("Yusuf in the emulator's room, unmuted", async () =>
      ((await em.room(room))?.members ?? []).some((x) => x.e164 === yusuf && !x.muted),
    );
    await m.switchModeration(ws.actor, id, "presentation");
    await em.faults({ delay_ms: 0 });
    await agree(
      "Presentation: everyone but the host muted, the newcomer too",
      id,
      room,
      flags(true, true, true, { [zawadi]: true, [yusuf]: true }),
    );
    const snapshot = await m.buildRoster(id);
    expect(snapshot.meeting.moderation).toBe("presentation");
    expect(snapshot.people.every((p) => !p.onFloor)).toBe(true);
  });
});

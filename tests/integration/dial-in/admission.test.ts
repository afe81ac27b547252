// Dial-in against the real emulator: phones dial the workspace's number through the control API,
// the emulator posts signed voice callbacks to the app's real routes, and what each caller heard
// (the transcript) and where they ended up (room, roster) is checked.
import { describe, expect, it } from "vitest";
import { freshPhone, appFixture } from "../support/app-fixture";
import { until } from "@/tests/support/until";
import { formatPhone } from "@/lib/shared/phone";

const app = appFixture({
  modules: () => [
    import("@/lib/dial-in/save-guest"),
    import("@/lib/spend/meeting-statement"),
    import("@/lib/spend/statement-csv"),
    import("@/lib/reconcile/reconcile-calls"),
  ],
});
const m = app.lib;
const em = app.emulator;

const soon = (minutes = 5) => new Date(Date.now() + minutes * 60_000).toISOString();
const rosterRow = async (meetingId: string, phone: string) =>
  (await m.buildRoster(meetingId)).people.find((p) => p.phoneE164 === phone);

/** Dials in and enters a PIN once the prompt is heard. */
async function dialWithPin(from: string, to: string, pin: string) {
  await em.dial(from, to);
  await em.hears(from, m.en.enterPin);
  await em.press(from, `${pin}#`);
}

describe.concurrent("dial-in", () => {
  it("admits an invitee by caller ID, by name and role, with no PIN prompt", { timeout: 120_000 }, async () => {
    const ws = await app.workspace();
    const meeting = await app.meeting(ws.actor, { title: "Harvest plan", startsAt: soon(10) });
    const phone = freshPhone();
    await m.addParticipant(ws.actor, meeting.id, { name: "Achieng", phone });

    await em.dial(phone, ws.dialIn);
    await em.hears(phone, m.en.greeting("Achieng", "Harvest plan"));
    await em.hears(phone, m.en.joiningAsParticipant);
    await em.hears(phone, m.en.waitingForHost);
    expect(await em.heard(phone)).not.toContain(m.en.enterPin);
    // The waiting room: hold audio while the host is away, and the roster says so.
    await until("hold audio", async () => (await em.phone(phone))?.transcript.some((t) => t.kind === "hold"));
    const row = await until("Achieng waiting", async () =>
      (await rosterRow(meeting.id, phone))?.state === "waiting" ? rosterRow(meeting.id, phone) : undefined,
    );
    expect(row).toMatchObject({ name: "Achieng", role: "participant" });
    expect(row!.legs[0]).toMatchObject({ direction: "inbound", ratePerMinuteMinor: 0 });
    await em.hangup(phone);
  });

  it(
    "admits a guest with the PIN (listed with their number, then named and saved), and the host PIN starts the room and releases the waiting",
    { timeout: 120_000 },
    async () => {
      const ws = await app.workspace();
      const meeting = await app.meeting(ws.actor, { title: "Board", startsAt: soon() });
      const guest = freshPhone();
      await dialWithPin(guest, ws.dialIn, meeting.pin);
      await em.hears(guest, m.en.guestGreeting("Board"));
      await em.hears(guest, m.en.waitingForHost);
      const waiting = await until("guest waiting", async () => {
        const r = await rosterRow(meeting.id, guest);
        return r?.state === "waiting" ? r : undefined;
      });
      expect(waiting).toMatchObject({ participantId: null, name: "Guest caller", phoneE164: guest });
      expect((await em.room(meeting.roomName))?.status).toBe("waiting");

      // The organiser names the guest and saves them as a participant: one row, their call kept.
      await expect(m.saveGuest(ws.actor, meeting.id, { name: "", phone: guest })).rejects.toThrow();
      await expect(m.saveGuest(ws.actor, meeting.id, { name: "Nobody", phone: freshPhone() })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      const saved = await m.saveGuest(ws.actor, meeting.id, { name: "Mama Mboga", phone: guest });
      const named = (await m.buildRoster(meeting.id)).people.filter((p) => p.phoneE164 === guest);
      expect(named).toEqual([
        expect.objectContaining({ participantId: saved.id, name: "Mama Mboga", state: "waiting" }),
      ]);
      await expect(m.saveGuest(ws.actor, meeting.id, { name: "Again", phone: guest })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });

      const host = freshPhone();
      await dialWithPin(host, ws.dialIn, meeting.hostPin);
      await em.hears(host, m.en.joiningAsHost);
      await em.hears(host, m.en.keyHint);
      await until("room live", async () => (await em.room(meeting.roomName))?.status === "live");
      await until(
        "guest released into the call",
        async () => (await rosterRow(meeting.id, guest))?.state === "in_call",
      );
      const room = (await em.room(meeting.roomName))!;
      expect(
        room.members.map((x) => ({ e164: x.e164, waiting: x.waiting })).sort((a, b) => a.e164.localeCompare(b.e164)),
      ).toEqual(
        [
          { e164: guest, waiting: false },
          { e164: host, waiting: false },
        ].sort((a, b) => a.e164.localeCompare(b.e164)),
      );
      expect((await m.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).status).toBe("live");

      // The host-PIN caller is on no list, yet a host everywhere: the roster (no "participant"), the
      // statement and its CSV, and the call log; and a guest is "Guest caller" in each of them.
      expect(await rosterRow(meeting.id, host)).toMatchObject({
        participantId: null,
        name: "Guest caller",
        role: "host",
        state: "in_call",
      });
      expect((await m.db.leg.findFirstOrThrow({ where: { meetingId: meeting.id, fromE164: host } })).admittedRole).toBe(
        "host",
      );
      const statement = await m.meetingStatement(ws.actor, meeting.id);
      expect(statement.rows.find((r) => r.phone === host)).toMatchObject({ name: "Guest caller", role: "host" });
      // The CSV writes the number in display form as a text formula (="…"), no visible apostrophe.
      const shown = formatPhone(host);
      const csvLine = m
        .statementCsv(statement)
        .split("\r\n")
        .find((l) => l.includes(shown));
      expect(csvLine?.split(",").slice(0, 3)).toEqual(["Guest caller", `"=""${shown}"""`, "host"]);
      const log = await m.reconcileCalls(ws.actor, { days: 1 });
      expect(log.rows.find((r) => r.phone === host)).toMatchObject({ participantName: null, role: "host" });
      expect(log.rows.find((r) => r.phone === guest)).toMatchObject({
        participantName: "Mama Mboga",
        role: "participant",
      });
      await em.hangup(guest);
      await em.hangup(host);
    },
  );

  it("says goodbye and hangs up after three wrong PINs (and a silent try counts)", { timeout: 120_000 }, async () => {
    const ws = await app.workspace();
    await app.meeting(ws.actor, { startsAt: soon() });
    const caller = freshPhone();
    const { call_id } = await em.dial(caller, ws.dialIn);
    await em.hears(caller, m.en.enterPin);
    await em.press(caller, "111111112#");
    await em.hears(caller, m.en.wrongPin);
    await em.press(caller, "#");
    await em.hears(caller, m.en.noPinEntered);
    await em.press(caller, "222222223#");
    await em.hears(caller, m.en.tooManyAttempts);
    await em.idle(caller);
    const says = await em.says(caller);
    // Before the meeting is known every prompt comes in both languages, each tagged with its own.
    expect(says.filter((s) => s.text === m.en.tooManyAttempts)).toEqual([
      expect.objectContaining({ language: "en-KE" }),
    ]);
    expect(says.filter((s) => s.text === m.sw.tooManyAttempts)).toEqual([
      expect.objectContaining({ language: "sw-KE" }),
    ]);
    expect(
      says.filter((s) => s.text === m.en.enterPin || s.text === m.en.wrongPin || s.text === m.en.noPinEntered),
    ).toHaveLength(3);
    expect((await em.callById(call_id))?.status).toBe("completed");
    expect(await m.db.leg.count({ where: { workspaceId: ws.workspaceId } })).toBe(0);
  });

  it("apologises to the caller who would overfill the room", { timeout: 120_000 }, async () => {
    const ws = await app.workspace();
    const meeting = await app.meeting(ws.actor, { startsAt: soon(), capacity: 2, waitForHost: false });
    const a = freshPhone();
    const b = freshPhone();
    const c = freshPhone();
    for (const p of [a, b]) {
      await dialWithPin(p, ws.dialIn, meeting.pin);
      await until(`${p} in the room`, async () => (await em.room(meeting.roomName))?.members.some((x) => x.e164 === p));
    }
    await dialWithPin(c, ws.dialIn, meeting.pin);
    await em.hears(c, m.en.meetingFull);
    await em.idle(c);
    expect((await em.room(meeting.roomName))?.members.map((x) => x.e164).sort()).toEqual([a, b].sort());
    expect(await rosterRow(meeting.id, c)).toBeUndefined();
    await em.hangup(a);
    await em.hangup(b);
  });

  it("speaks Swahili (sw-KE) in a Swahili meeting", { timeout: 120_000 }, async () => {
    const ws = await app.workspace();
    const meeting = await app.meeting(ws.actor, { title: "Mkutano wa bajeti", startsAt: soon(), language: "sw" });
    const phone = freshPhone();
    await m.addParticipant(ws.actor, meeting.id, { name: "Juma", phone });
    await em.dial(phone, ws.dialIn);
    await em.hears(phone, m.sw.greeting("Juma", "Mkutano wa bajeti"));
    await em.hears(phone, m.sw.waitingForHost);
    const says = await em.says(phone);
    expect(says.length).toBeGreaterThanOrEqual(3);
    expect(says.every((s) => s.language === "sw-KE")).toBe(true);
    expect(says.map((s) => s.text)).toContain(m.sw.joiningAsParticipant);
    await em.hangup(phone);
  });

  it("turns callers away with their own message: not started yet, cancelled, ended", { timeout: 120_000 }, async () => {
    const ws = await app.workspace();
    const later = await app.meeting(ws.actor, {
      startsAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
      timeZone: "Africa/Nairobi",
    });
    const early = freshPhone();
    await dialWithPin(early, ws.dialIn, later.pin);
    const { spokenStartTime } = await import("@/lib/dial-in/admission-window");
    await em.hears(early, m.en.meetingNotStarted(spokenStartTime(later.startsAt, "Africa/Nairobi")));
    await em.idle(early);

    // A Swahili meeting says it in Swahili, with the time in Swahili time ("saa … mchana"), not "14:30".
    const kesho = await app.meeting(ws.actor, {
      startsAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
      timeZone: "Africa/Nairobi",
      language: "sw",
    });
    const mapema = freshPhone();
    await dialWithPin(mapema, ws.dialIn, kesho.pin);
    const swahiliTime = spokenStartTime(kesho.startsAt, "Africa/Nairobi", "sw");
    expect(swahiliTime).toMatch(/^saa [a-z0-9 ]+(asubuhi|mchana|jioni|usiku|alfajiri)$/);
    await em.hears(mapema, m.sw.meetingNotStarted(swahiliTime));
    // Only the PIN prompt (before the meeting was known) was in both languages; the refusal is Swahili only.
    const refusal = (await em.says(mapema)).filter((s) => /Mkutano huu|This meeting/.test(s.text));
    expect(refusal).toEqual([expect.objectContaining({ language: "sw-KE" })]);
    await em.idle(mapema);

    // The host may open the room early.
    const host = freshPhone();
    await dialWithPin(host, ws.dialIn, later.hostPin);
    await until("host in the room", async () => (await em.room(later.roomName))?.members.some((x) => x.e164 === host));
    await em.hangup(host);

    const cancelled = await app.meeting(ws.actor, { startsAt: soon() });
    await m.db.meeting.update({ where: { id: cancelled.id }, data: { status: "cancelled" } });
    const c = freshPhone();
    await dialWithPin(c, ws.dialIn, cancelled.pin);
    await em.hears(c, m.en.meetingCancelled);
    await em.idle(c);

    const ended = await app.meeting(ws.actor, { startsAt: soon() });
    await m.db.meeting.update({ where: { id: ended.id }, data: { status: "ended", endedAt: new Date() } });
    const e = freshPhone();
    await dialWithPin(e, ws.dialIn, ended.pin);
    await em.hears(e, m.en.meetingEnded);
    await em.idle(e);
    expect(await m.db.leg.count({ where: { meetingId: { in: [cancelled.id, ended.id] } } })).toBe(0);
  });

  it("turns new callers away from a locked room, but the host PIN still gets in", { timeout: 120_000 }, async () => {
    const ws = await app.workspace();
    const locked = await app.meeting(ws.actor, { title: "Closed door", startsAt: soon() });
    await m.db.meeting.update({ where: { id: locked.id }, data: { locked: true } });
    const turnedAway = freshPhone();
    await dialWithPin(turnedAway, ws.dialIn, locked.pin);
    await em.hears(turnedAway, m.en.meetingLocked);
    await em.idle(turnedAway);
    const lockedHost = freshPhone();
    await dialWithPin(lockedHost, ws.dialIn, locked.hostPin);
    await em.hears(lockedHost, m.en.joiningAsHost);
    await until("host in the locked room", async () =>
      (await em.room(locked.roomName))?.members.some((x) => x.e164 === lockedHost),
    );
    await em.hangup(lockedHost);
  });
});

// Recording notice and time limits against the real emulator (ADR 0021): every caller of a recorded
// meeting hears the notice, in the meeting's language, before the room (the phone's transcript keeps
// the order); the hard stop ends the meeting for everyone and an extension moves it (the job worker's
// clock is faked, nobody waits); the empty-room guard hangs up only a caller left alone.
import { describe, expect, it } from "vitest";
import type { EmulatorTranscriptLine } from "@/tests/support/emulator-control";
import { until } from "@/tests/support/until";
import { appFixture, freshPhone } from "../support/app-fixture";

const app = appFixture({
  modules: () => [import("@/lib/call-control/extend-meeting"), import("@/lib/shared/meeting-limits")],
});
const m = app.lib;
const em = app.emulator;

const MINUTE = 60_000;

/** Runs every job due by `now` on a faked worker clock; returns how many ran. */
async function runJobsAt(now: number): Promise<number> {
  let ran = 0;
  for (let n = 1; n > 0; ran += n) n = await m.runDueJobs({ workerId: "limits-test", now: () => now });
  return ran;
}

/** What the phone heard on its latest call, from "Call answered"/"Connected" on. */
async function latestCall(e164: string): Promise<EmulatorTranscriptLine[]> {
  const lines = (await em.phone(e164))?.transcript ?? [];
  const start = lines.map((l) => l.text).findLastIndex((t) => t === "Call answered" || t === "Connected");
  return lines.slice(Math.max(0, start));
}

/** Waits until the phone is in the room, then checks the notice came right before entering it. */
async function expectNoticeBeforeRoom(e164: string, roomName: string, notice: string) {
  await until(
    `${e164} in the room`,
    async () => (await latestCall(e164)).some((l) => l.text === `You are in conference ${roomName}`),
    // Generous: a loaded CI machine may take long over a dial-out's ring, answer and "press 1".
    90_000,
  ).catch(async (e: Error) => {
    throw new Error(`${e.message}; heard: ${JSON.stringify((await em.transcript(e164)).slice(-10))}`);
  });
  const lines = await latestCall(e164);
  const entered = lines.findIndex((l) => l.text === `You are in conference ${roomName}`);
  const said = lines.findIndex((l) => l.kind === "say" && l.text === notice);
  expect(said, JSON.stringify(lines)).toBeGreaterThanOrEqual(0);
  expect(said).toBeLessThan(entered);
  // The last thing said before the room is the notice (nothing can drown it).
  expect(lines.slice(said + 1, entered).filter((l) => l.kind === "say")).toEqual([]);
  expect(lines[said]!.language).toBe("sw-KE");
}

const now = () => new Date().toISOString();

/** A meeting starting now that opens without a host, in a fresh workspace connected to the emulator. */
async function liveMeeting(overrides: Record<string, unknown> = {}) {
  const ws = await app.workspace();
  const meeting = await app.meeting(ws.actor, {
    startsAt: now(),
    waitForHost: false,
    endOnHostExit: false,
    ...overrides,
  });
  return { ws, meeting };
}

/** Dials `phones` in (those not already on a call) and waits until all of them are in the room. */
async function dialInAll(dialIn: string, meetingId: string, phones: string[]) {
  for (const p of phones) if ((await em.phone(p))?.state !== "in_call") await em.dial(p, dialIn);
  await until("everyone in the room", async () => {
    const people = (await m.buildRoster(meetingId)).people;
    return phones.every((p) => people.find((x) => x.phoneE164 === p)?.state === "in_call");
  });
}

const legOf = async (meetingId: string, phone: string) =>
  m.db.leg.findFirstOrThrow({ where: { meetingId, fromE164: phone }, orderBy: { createdAt: "desc" } });

describe("recording notice", { timeout: 180_000 }, () => {
  it("dial-in by caller ID, dial-in by PIN and a confirmed dial-out each hear it in the meeting's language before the room", async () => {
    const { ws, meeting } = await liveMeeting({ record: true, language: "sw", title: "Chama cha kuweka" });
    const [invitee, guest, dialled] = [freshPhone(), freshPhone(), freshPhone()];
    await m.addParticipant(ws.actor, meeting.id, { name: "Amina", phone: invitee });
    const d = await m.addParticipant(ws.actor, meeting.id, { name: "Baraka", phone: dialled });

    await em.dial(invitee, ws.dialIn);
    await expectNoticeBeforeRoom(invitee, meeting.roomName, m.sw.recordingNotice);

    await em.dial(guest, ws.dialIn);
    await em.hears(guest, m.sw.enterPin);
    await em.press(guest, `${meeting.pin}#`);
    await expectNoticeBeforeRoom(guest, meeting.roomName, m.sw.recordingNotice);

    // A dial-out hears it after pressing 1, not before (the confirmation is not the room).
    expect((await m.dialParticipant(ws.actor, meeting.id, d.id)).status).toBe("placed");
    await expectNoticeBeforeRoom(dialled, meeting.roomName, m.sw.recordingNotice);
    const call = await latestCall(dialled);
    expect(call.findIndex((l) => l.kind === "digits")).toBeLessThan(
      call.findIndex((l) => l.text === m.sw.recordingNotice),
    );
  });

  it("a meeting that does not record says nothing about recording", async () => {
    const { ws, meeting } = await liveMeeting({ record: false });
    const phone = freshPhone();
    await m.addParticipant(ws.actor, meeting.id, { name: "Amina", phone });
    await em.dial(phone, ws.dialIn);
    await until("in the room", async () =>
      (await latestCall(phone)).some((l) => l.text === `You are in conference ${meeting.roomName}`),
    );
    const texts = (await latestCall(phone)).map((l) => l.text);
    expect(texts).not.toContain(m.en.recordingNotice);
    expect(texts).not.toContain(m.sw.recordingNotice);
  });
});

describe("hard stop", { timeout: 180_000 }, () => {
  it("ends the meeting for everyone at its stop; an extension (keypad or roster) moves it, up to the workspace maximum", async () => {
    const { ws, meeting } = await liveMeeting({ durationMinutes: 5 });
    // 5 min slot + 15 min grace = 20 min; a 30 min maximum leaves room for one (shortened) extension.
    await m.db.workspace.update({ where: { id: ws.workspaceId }, data: { maxMeetingMinutes: 30 } });
    const phones = [freshPhone(), freshPhone()];
    for (const [i, p] of phones.entries()) await m.addParticipant(ws.actor, meeting.id, { name: `P${i}`, phone: p });
    await dialInAll(ws.dialIn, meeting.id, phones);

    const started = await m.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(started.status).toBe("live");
    const stop = started.startedAt!.getTime() + 20 * MINUTE;
    const job = async () => m.db.job.findUniqueOrThrow({ where: { uniqueKey: `hard-stop:${meeting.id}` } });
    expect((await job()).runAt.getTime()).toBe(stop);
    const snapshot = await m.buildRoster(meeting.id);
    expect(snapshot.meeting).toMatchObject({ hardStopAt: stop, canExtend: true });

    // A minute before the stop nothing happens.
    await runJobsAt(stop - MINUTE);
    expect((await m.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).status).toBe("live");

    // A host presses the extend key: the 15 minutes are cut to the 10 the maximum leaves, and the
    // reply tells that caller so, in the meeting's language.
    const host = await legOf(meeting.id, phones[0]!);
    const reply = await m.extendMeetingFromKeypad(ws.workspaceId, meeting, host.id, stop - MINUTE);
    expect(reply.actions).toEqual([{ say: { text: m.en.meetingExtended(10, 11), language: "en-KE" } }]);
    const moved = stop + 10 * MINUTE;
    expect((await job()).runAt.getTime()).toBe(moved);
    expect((await m.buildRoster(meeting.id)).meeting).toMatchObject({ hardStopAt: moved, canExtend: false });
    // At the maximum: refused, to the keypad and to the roster alike, and nothing moves.
    const refused = await m.extendMeetingFromKeypad(ws.workspaceId, meeting, host.id);
    expect(refused.actions).toEqual([{ say: { text: m.en.extendAtMaximum, language: "en-KE" } }]);
    await expect(m.extendMeetingForActor(ws.actor, meeting.id)).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await job()).runAt.getTime()).toBe(moved);

    // A stale due time (another instance, a restart) runs the job at the old stop: it re-reads the
    // meeting, sees the extension and waits again instead of ending it.
    await m.db.job.update({ where: { uniqueKey: `hard-stop:${meeting.id}` }, data: { runAt: new Date(stop) } });
    expect(await runJobsAt(stop + MINUTE)).toBeGreaterThan(0);
    expect((await m.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).status).toBe("live");
    expect((await job()).runAt.getTime()).toBe(moved);
    expect((await job()).status).toBe("pending");

    await runJobsAt(moved);
    const ended = await m.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(ended.status).toBe("ended");
    for (const p of phones) await em.idle(p);
    const rows = await until("the roster to show everyone gone", async () => {
      const people = (await m.buildRoster(meeting.id)).people;
      return people.every((r) => r.state === "left") && people;
    });
    expect(rows.map((r) => [r.state, r.endReason])).toEqual([
      ["left", "meeting_ended"],
      ["left", "meeting_ended"],
    ]);
    const audit = await m.db.auditLog.findMany({
      where: {
        workspaceId: ws.workspaceId,
        target: meeting.id,
        action: { in: ["meeting.extended", "meeting.ended"] },
      },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["meeting.extended", "meeting.ended"]);
    expect(audit[1]!.details).toMatchObject({ via: "hard-stop" });
    expect((await job()).status).toBe("done");
  });

  it("the roster's Extend adds a whole step while the maximum allows, and a meeting not started cannot be extended", async () => {
    const { ws, meeting } = await liveMeeting();
    await expect(m.extendMeetingForActor(ws.actor, meeting.id)).rejects.toMatchObject({ code: "CONFLICT" });
    const phone = freshPhone();
    await m.addParticipant(ws.actor, meeting.id, { name: "Amina", phone });
    await dialInAll(ws.dialIn, meeting.id, [phone]);
    const before = (await m.buildRoster(meeting.id)).meeting.hardStopAt!;
    const r = await m.extendMeetingForActor(ws.actor, meeting.id);
    expect(r).toMatchObject({ extended: true, addedMinutes: m.EXTEND_STEP_MINUTES, atMaximum: false });
    expect(r.stopAt).toBe(before + m.EXTEND_STEP_MINUTES * MINUTE);
    expect((await m.buildRoster(meeting.id)).meeting.hardStopAt).toBe(r.stopAt);
  });
});

describe("empty-room guard", { timeout: 180_000 }, () => {
  it("hangs up only a caller left alone for 5 minutes; a second person arriving cancels it", async () => {
    const a = await liveMeeting();
    const [alone, leaver] = [freshPhone(), freshPhone()];
    await m.addParticipant(a.ws.actor, a.meeting.id, { name: "Alone", phone: alone });
    await m.addParticipant(a.ws.actor, a.meeting.id, { name: "Leaver", phone: leaver });
    await dialInAll(a.ws.dialIn, a.meeting.id, [alone, leaver]);

    // Another meeting of the same workspace: its first caller was alone until the second arrived.
    const pairMeeting = await app.meeting(a.ws.actor, {
      startsAt: now(),
      waitForHost: false,
      endOnHostExit: false,
      title: "Pair",
    });
    const pair = [freshPhone(), freshPhone()];
    for (const [i, p] of pair.entries())
      await m.addParticipant(a.ws.actor, pairMeeting.id, { name: `Pair ${i}`, phone: p });
    await em.dial(pair[0]!, a.ws.dialIn);
    await until("the first of the pair alone in the room", async () =>
      m.db.job.count({
        where: { kind: "call-control.empty-room", payload: { path: ["meetingId"], equals: pairMeeting.id } },
      }),
    );
    await dialInAll(a.ws.dialIn, pairMeeting.id, pair);

    await em.hangup(leaver);
    await until("the leaver gone", async () => (await legOf(a.meeting.id, leaver)).state === "left");
    const lone = await legOf(a.meeting.id, alone);
    const since = (await legOf(a.meeting.id, leaver)).endedAt!.getTime();
    const guard = await until("the guard armed", () =>
      m.db.job.findUnique({ where: { uniqueKey: `alone:${lone.id}:${since}` } }),
    );
    expect(guard.runAt.getTime()).toBe(since + m.ALONE_LIMIT_MS);

    // Four minutes alone: nothing yet.
    await runJobsAt(since + 4 * MINUTE);
    expect((await legOf(a.meeting.id, alone)).state).toBe("in_call");

    // Five minutes alone: that caller is hung up; the pair (together for minutes) is untouched.
    await runJobsAt(since + m.ALONE_LIMIT_MS + 1_000);
    await em.idle(alone);
    await until("the roster to say why", async () => (await legOf(a.meeting.id, alone)).endReason === "alone");
    const pairRows = (await m.buildRoster(pairMeeting.id)).people;
    expect(pairRows.map((r) => r.state)).toEqual(["in_call", "in_call"]);
    expect((await em.room(pairMeeting.roomName))?.members).toHaveLength(2);
    // Mkutano did not end either meeting (no end fact, no audit of one).
    expect(await m.db.auditLog.count({ where: { workspaceId: a.ws.workspaceId, action: "meeting.ended" } })).toBe(0);
    expect(
      await m.db.auditLog.count({ where: { workspaceId: a.ws.workspaceId, action: "participant.hung_up_alone" } }),
    ).toBe(1);
  });
  it("does not hang up a caller as alone in a meeting that has already ended", async () => {
    const a = await liveMeeting();
    const phone = freshPhone();
    await m.addParticipant(a.ws.actor, a.meeting.id, { name: "Last", phone });
    await dialInAll(a.ws.dialIn, a.meeting.id, [phone]);
    const guard = await until("the guard armed for the lone caller", () =>
      m.db.job.findFirst({
        where: { kind: "call-control.empty-room", payload: { path: ["meetingId"], equals: a.meeting.id } },
      }),
    );
    // The moment between an end (the hard stop, the organiser) writing the meeting's status and the
    // hang-ups it sent landing: the caller is still in the room, but not "alone" there.
    await m.db.meeting.update({ where: { id: a.meeting.id }, data: { status: "ended" } });
    expect(await runJobsAt(guard.runAt.getTime() + 1_000)).toBeGreaterThan(0);
    expect(await m.db.rosterEvent.count({ where: { meetingId: a.meeting.id, kind: "control.alone" } })).toBe(0);
    expect(
      await m.db.auditLog.count({ where: { workspaceId: a.ws.workspaceId, action: "participant.hung_up_alone" } }),
    ).toBe(0);
    expect((await em.phone(phone))?.state).toBe("in_call");
  });
});

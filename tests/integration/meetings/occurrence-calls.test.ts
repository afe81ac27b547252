// "Call everyone at the start" and voice reminders, against the real emulator, with a fake job
// clock (the worker is handed the time the job is due; nobody waits real minutes). A reminder fires
// once at T-10 and pressing 1 takes the person into the waiting room; a cancelled meeting calls no
// one; a moved start moves the jobs; call-at-start dials each person once even when the job is run
// by two workers and again after it finished.
import { describe, expect, it } from "vitest";
import { appFixture, meetingInput } from "../support/app-fixture";
import { until } from "@/tests/support/until";

const app = appFixture({
  emulatorEnv: { EMULATOR_TIME_SCALE: "0.05", EMULATOR_RATE_LIMIT: "0" },
  modules: () => [
    import("@/lib/meetings/edit-meeting"),
    import("@/lib/meetings/cancel-meeting"),
    import("@/lib/meetings/set-participant-reminder"),
    import("@/lib/meetings/occurrence-jobs"),
    import("@/lib/meetings/call-at-start"),
    import("@/lib/meetings/send-reminders"),
    import("@/lib/spend/meeting-statement"),
  ],
});
const m = app.lib;
const outboundCallsTo = async (e164: string) =>
  (await app.emulator.callsTo(e164)).filter((c) => c.direction === "outbound");

const jobsOf = (meetingId: string) =>
  m.db.job.findMany({
    where: {
      OR: [
        { uniqueKey: { startsWith: `call-at-start:${meetingId}:` } },
        { uniqueKey: { startsWith: `reminders:${meetingId}:` } },
      ],
    },
    orderBy: { runAt: "asc" },
  });

/** Runs due jobs as one worker at a (fake) time until none is left due then. */
async function drainAt(at: number, workerId = "occurrence-test") {
  while ((await m.runDueJobs({ workerId, now: () => at })) > 0);
}

let phones = 0;
const phone = () => `+2547225${String(++phones).padStart(5, "0")}`;

/** A fresh workspace and a meeting of its admin's that starts `ms` from now (`startsAt` is that instant). */
async function meetingStartingIn(ms: number, overrides: Record<string, unknown>) {
  const ws = await app.workspace();
  const startsAt = new Date(Date.now() + ms);
  return { ...ws, startsAt, meeting: await app.meeting(ws.actor, { ...overrides, startsAt: startsAt.toISOString() }) };
}

describe("voice reminders", { timeout: 120_000 }, () => {
  it("fire once at T-10 in the meeting's language; pressing 1 joins the waiting room; the cost is on the statement", async () => {
    const { actor, dialIn, meeting, startsAt } = await meetingStartingIn(10 * 60_000 + 30_000, {
      title: "Budget review",
      remindByCall: true,
    });
    const host = await m.addParticipant(actor, meeting.id, { name: "Host", phone: phone(), role: "host" });
    await m.setParticipantReminder(actor, meeting.id, host.id, false); // the host opted out
    const amina = await m.addParticipant(actor, meeting.id, { name: "Amina", phone: phone() });
    const baraka = await m.addParticipant(actor, meeting.id, { name: "Baraka", phone: phone() });
    await app.emulator.behaviour(baraka.phoneE164, { prompt_key: null });

    const [job] = await jobsOf(meeting.id);
    expect(job).toMatchObject({ kind: m.REMINDERS_JOB, status: "pending" });
    expect(job!.runAt.getTime()).toBe(startsAt.getTime() - 10 * 60_000);

    // A second before T-10 nothing is due; at T-10 the reminders go out (and the dials, due now).
    await drainAt(job!.runAt.getTime() - 1_000);
    expect(await m.db.leg.count({ where: { meetingId: meeting.id } })).toBe(0);
    await drainAt(job!.runAt.getTime());
    await drainAt(Date.now());
    const legs = await m.db.leg.findMany({ where: { meetingId: meeting.id } });
    expect(legs.map((l) => [l.participantId, l.purpose]).sort()).toEqual(
      [
        [amina.id, "reminder"],
        [baraka.id, "reminder"],
      ].sort(),
    );

    // Amina's phone presses 1: into the room, waiting for the host.
    const waiting = await until("Amina waiting for the host", async () => {
      const row = (await m.buildRoster(meeting.id)).people.find((p) => p.name === "Amina")!;
      return row.state === "waiting" ? row : undefined;
    });
    expect(waiting.legs[0]!.purpose).toBe("reminder");
    const pin = meeting.pin.split("").join(" ");
    const number = `0${dialIn.slice(4)}`.split("").join(" ");
    expect(await app.emulator.heard(amina.phoneE164)).toContain(
      `Budget review starts in 10 minutes. Press 1 to join now and wait for the host, or call ${number} with PIN ${pin} when it starts.`,
    );
    // Baraka hears it and says nothing: asked twice, then a goodbye; the roster says so.
    const baraRow = await until(
      "Baraka's reminder over",
      async () => {
        const row = (await m.buildRoster(meeting.id)).people.find((p) => p.name === "Baraka")!;
        return row.state === "left" ? row : undefined;
      },
      60_000,
    );
    expect(baraRow.endReason).toBe("no_person");
    expect(await m.db.leg.count({ where: { participantId: host.id } })).toBe(0);

    // The job again (a crash after the work, a second instance): nobody is reminded twice.
    expect(await m.runSendReminders({ meetingId: meeting.id, startsAt: startsAt.toISOString() })).toEqual({
      queued: 0,
    });
    await drainAt(Date.now());
    expect(await outboundCallsTo(amina.phoneE164)).toHaveLength(1);
    expect(await outboundCallsTo(baraka.phoneE164)).toHaveLength(1);
    const audit = await m.db.auditLog.findMany({ where: { target: meeting.id, action: "meeting.reminders_sent" } });
    expect(audit.map((a) => a.details)).toEqual([{ calls: 2 }, { calls: 0 }]);

    // Baraka's reminder leg is billed and shows on the statement.
    const statement = await m.meetingStatement(actor, meeting.id);
    const row = statement.rows.find((r) => r.name === "Baraka")!;
    expect(row.legs).toBe(1);
    expect(row.costMinor).toBeGreaterThan(0);
    // …and in the audit log, under the roster's reason, with what the call was for and its cost.
    const entry = await until("the reminder's outcome audited", () =>
      m.db.auditLog.findFirst({ where: { target: meeting.id, action: "call.no_person" } }),
    );
    expect(entry.details).toMatchObject({ person: "Baraka", purpose: "reminder", reason: "no_person" });
    expect((entry.details as { costMinor: number }).costMinor).toBe(row.costMinor);
    await app.emulator.hangup(amina.phoneE164);
  });

  it("say 'we will call you at the start' when the meeting calls everyone then (Swahili too)", async () => {
    const { promptsFor } = await import("@/lib/meetings/prompts/prompts-for");
    const { reminderEnding } = await import("@/lib/meetings/confirm-answer");
    const ending = reminderEnding({ callAtStart: true, pin: "123456" }, "+254709000100");
    expect(promptsFor("en").reminder("Harvest", 10, ending)).toBe(
      "Harvest starts in 10 minutes. Press 1 to join now and wait for the host, or hang up and we will call you at the start.",
    );
    expect(promptsFor("sw").reminder("Mavuno", 10, ending)).toBe(
      "Mavuno unaanza baada ya dakika 10. Bonyeza 1 kujiunga sasa na kumsubiri mwenyeji, au kata simu na tutakupigia mkutano ukianza.",
    );
    expect(
      promptsFor("sw").reminder("Mavuno", 10, reminderEnding({ callAtStart: false, pin: "4321" }, "+254709000100")),
    ).toBe(
      "Mavuno unaanza baada ya dakika 10. Bonyeza 1 kujiunga sasa na kumsubiri mwenyeji, au piga 0 7 0 9 0 0 0 1 0 0 ukitumia nambari ya siri 4 3 2 1 mkutano ukianza.",
    );
    expect(promptsFor("en").reminder("Harvest", 1, { kind: "none" })).toBe(
      "Harvest starts in 1 minute. Press 1 to join now and wait for the host.",
    );
  });

  it("a cancelled meeting sends none; a moved start moves the jobs", async () => {
    const { actor } = await app.workspace();
    const startsAt = new Date(Date.now() + 60 * 60_000);
    const input = meetingInput({
      title: "Moved and cancelled",
      startsAt: startsAt.toISOString(),
      remindByCall: true,
      callAtStart: true,
    });
    const meeting = await app.meeting(actor, input);
    const p = await m.addParticipant(actor, meeting.id, { name: "Chebet", phone: phone() });
    expect((await jobsOf(meeting.id)).map((j) => [j.kind, j.runAt.getTime()])).toEqual([
      [m.REMINDERS_JOB, startsAt.getTime() - 10 * 60_000],
      [m.CALL_AT_START_JOB, startsAt.getTime()],
    ]);

    const moved = new Date(startsAt.getTime() + 30 * 60_000);
    await m.editMeeting(actor, meeting.id, { ...input, startsAt: moved.toISOString(), reminderMinutes: 15 });
    const after = await jobsOf(meeting.id);
    expect(after.map((j) => [j.kind, j.runAt.getTime(), j.uniqueKey])).toEqual([
      [m.REMINDERS_JOB, moved.getTime() - 15 * 60_000, m.remindersKey(meeting.id, moved)],
      [m.CALL_AT_START_JOB, moved.getTime(), m.callAtStartKey(meeting.id, moved)],
    ]);
    // A job for the old start already claimed by a worker does nothing.
    expect(await m.runSendReminders({ meetingId: meeting.id, startsAt: startsAt.toISOString() })).toEqual({
      skipped: "meeting moved",
    });

    await m.cancelMeeting(actor, meeting.id);
    expect(await jobsOf(meeting.id)).toEqual([]);
    const payload = { meetingId: meeting.id, startsAt: moved.toISOString() };
    expect(await m.runSendReminders(payload)).toEqual({ skipped: "meeting cancelled" });
    expect(await m.runCallAtStart(payload)).toEqual({ skipped: "meeting cancelled" });
    await drainAt(moved.getTime());
    expect(await m.db.leg.count({ where: { meetingId: meeting.id } })).toBe(0);
    expect(await outboundCallsTo(p.phoneE164)).toHaveLength(0);
  });
});

describe("call everyone at the start", { timeout: 120_000 }, () => {
  it("dials everyone not already in, once, even with two workers and the job run again", async () => {
    const { actor, meeting, startsAt } = await meetingStartingIn(5 * 60_000, {
      title: "Start call",
      callAtStart: true,
      waitForHost: false,
    });
    const early = await m.addParticipant(actor, meeting.id, { name: "Early", phone: phone() });
    const rest = [
      await m.addParticipant(actor, meeting.id, { name: "Host", phone: phone(), role: "host" }),
      await m.addParticipant(actor, meeting.id, { name: "Daudi", phone: phone() }),
      await m.addParticipant(actor, meeting.id, { name: "Esther", phone: phone() }),
    ];
    // Early is already in the room before the start.
    await m.dialParticipant(actor, meeting.id, early.id);
    await until("Early in the room", async () => {
      const row = (await m.buildRoster(meeting.id)).people.find((p) => p.name === "Early")!;
      return row.state === "in_call" || row.state === "waiting";
    });

    const [job] = await jobsOf(meeting.id);
    expect(job).toMatchObject({ kind: m.CALL_AT_START_JOB, runAt: startsAt });
    // Two app instances reach the start at once; then the job is run once more (a crash after the work).
    await Promise.all([drainAt(startsAt.getTime(), "instance-a"), drainAt(startsAt.getTime(), "instance-b")]);
    expect(await m.runCallAtStart({ meetingId: meeting.id, startsAt: startsAt.toISOString() })).toEqual({
      skipped: "already called at this start",
    });
    await until("everyone in the room", async () => {
      await drainAt(Date.now());
      const people = (await m.buildRoster(meeting.id)).people;
      return people.every((p) => p.state === "in_call") ? people : undefined;
    });
    for (const p of [early, ...rest]) expect(await outboundCallsTo(p.phoneE164)).toHaveLength(1);
    const audit = await m.db.auditLog.findMany({ where: { target: meeting.id, action: "meeting.called_at_start" } });
    expect(audit.map((a) => a.details)).toEqual([{ queued: 3 }]);
    for (const p of [early, ...rest]) await app.emulator.hangup(p.phoneE164).catch(() => undefined);
  });

  it("is remembered for the next occurrence of a weekly series", async () => {
    const { actor, meeting } = await meetingStartingIn(60 * 60_000, {
      title: "Weekly start call",
      recurrence: "weekly",
      callAtStart: true,
      reminderMinutes: 20,
    });
    const p = await m.addParticipant(actor, meeting.id, { name: "Fatuma", phone: phone() });
    await m.setParticipantReminder(actor, meeting.id, p.id, true);
    const { scheduleNextOccurrence } = await import("@/lib/meetings/schedule-next-occurrence");
    const nextId = await m.db.$transaction((tx) => scheduleNextOccurrence(tx, meeting.id));
    const next = await m.db.meeting.findUniqueOrThrow({ where: { id: nextId! }, include: { participants: true } });
    expect(next).toMatchObject({ callAtStart: true, reminderMinutes: 20 });
    expect(next.participants[0]!.remindByCall).toBe(true);
    expect((await jobsOf(next.id)).map((j) => [j.kind, j.runAt.getTime()])).toEqual([
      [m.REMINDERS_JOB, next.startsAt.getTime() - 20 * 60_000],
      [m.CALL_AT_START_JOB, next.startsAt.getTime()],
    ]);
  });
});

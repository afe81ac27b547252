// Dialling and live controls against the real emulator: a double click dials once, Call everyone
// goes through durable jobs, re-dial makes a new attempt merged into the same person, mute is a
// live conference command reflected back through conference events, kick ends the leg as kicked.
import { describe, expect, it } from "vitest";
import { appFixture } from "../support/app-fixture";
import { until } from "@/tests/support/until";

const app = appFixture({
  modules: () => [import("@/lib/call-control/control-leg")],
});
const m = app.lib;
const person = app.person;
// Pick up, then press 1 at the answer-confirmation prompt (on by default).
const answer = (e164: string) => app.emulator.answerAndConfirm(e164);

describe("dialling", { timeout: 150_000 }, () => {
  it("dials once on a double click, and a re-dial is a new attempt of the same person", async () => {
    const { actor, meeting } = await app.workspaceMeeting({ waitForHost: false });
    const phone = "+254700000551"; // manual: rings until answered
    const p = await m.addParticipant(actor, meeting.id, { name: "Double Click", phone });

    const [a, b] = await Promise.all([
      m.dialParticipant(actor, meeting.id, p.id),
      m.dialParticipant(actor, meeting.id, p.id),
    ]);
    expect(a.legId).toBe(b.legId);
    expect([a.status, b.status].sort()).toEqual(["already", "placed"]);
    expect(await m.db.leg.count({ where: { participantId: p.id } })).toBe(1);
    const state = await app.emulator.state();
    expect(state.calls.filter((c) => c.remote_e164 === phone)).toHaveLength(1);
    await until("ringing", async () => (await person(meeting.id, "Double Click")).state === "ringing");

    await app.emulator.decline(phone);
    await until("left", async () => (await person(meeting.id, "Double Click")).state === "left");
    const second = await m.dialParticipant(actor, meeting.id, p.id);
    expect(second.status).toBe("placed");
    const legs = await m.db.leg.findMany({ where: { participantId: p.id }, orderBy: { attempt: "asc" } });
    expect(legs.map((l) => [l.attempt, l.idempotencyKey])).toEqual([
      [1, `${meeting.id}:${p.id}:1`],
      [2, `${meeting.id}:${p.id}:2`],
    ]);
    const row = await until("second attempt ringing", async () => {
      const r = await person(meeting.id, "Double Click");
      return r.state === "ringing" ? r : undefined;
    });
    expect(row.legs).toHaveLength(2);
  });

  it("calls everyone through durable jobs; mute is live and kick ends the leg as kicked", async () => {
    const { actor, meeting } = await app.workspaceMeeting({ waitForHost: true });
    const host = await m.addParticipant(actor, meeting.id, { name: "Host", phone: "+254700000561", role: "host" });
    await m.addParticipant(actor, meeting.id, { name: "Guest", phone: "+254700000562" });

    expect(await m.callEveryone(actor, meeting.id)).toEqual({ queued: 2, heldBack: false });
    expect(await m.callEveryone(actor, meeting.id)).toEqual({ queued: 0, heldBack: false });
    // Paced to the account's rate limit (the emulator reports 10 calls/s): 100 ms apart, host first.
    const jobs = await m.db.job.findMany({
      where: { kind: "meetings.dial-leg", uniqueKey: { contains: meeting.id } },
      orderBy: { runAt: "asc" },
    });
    expect(jobs).toHaveLength(2);
    expect(jobs[1]!.runAt.getTime() - jobs[0]!.runAt.getTime()).toBe(100);
    expect(jobs[0]!.uniqueKey).toContain(host.id);
    expect((await person(meeting.id, "Host")).state).toBe("created");
    await until("jobs to run", async () => {
      await m.runDueJobs({ workerId: "test" });
      return (await m.db.job.count({ where: { status: "done" } })) >= 2;
    });
    await until("both ringing", async () =>
      (await m.buildRoster(meeting.id)).people.every((x) => x.state === "ringing"),
    );

    await answer("+254700000562");
    await until("guest waiting for the host", async () => (await person(meeting.id, "Guest")).state === "waiting");
    await answer("+254700000561");
    await until("both in call", async () =>
      (await m.buildRoster(meeting.id)).people.every((x) => x.state === "in_call"),
    );
    expect((await m.db.meeting.findUnique({ where: { id: meeting.id } }))?.status).toBe("live");

    const guest = await person(meeting.id, "Guest");
    await m.controlLeg(actor, meeting.id, guest.currentLegId!, "mute");
    await until("guest muted", async () => (await person(meeting.id, "Guest")).muted);
    await m.controlLeg(actor, meeting.id, guest.currentLegId!, "unmute");
    await until("guest unmuted", async () => !(await person(meeting.id, "Guest")).muted);

    await m.controlLeg(actor, meeting.id, guest.currentLegId!, "kick");
    const kicked = await until("guest kicked", async () => {
      const r = await person(meeting.id, "Guest");
      return r.state === "left" ? r : undefined;
    });
    expect(kicked.endReason).toBe("kicked");
    expect((await person(meeting.id, "Host")).state).toBe("in_call");
    expect(host.role).toBe("host");
  });
});

// Automatic re-dial after a network drop, against the real emulator: a dropped leg is called back
// once ("You were cut off from <title>. Press 1 to rejoin.") and rejoins; at most twice per person;
// never after the person's own hang-up, and never once the meeting is over.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "@/tests/support/emulator-process";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-db";
import { makeUntil } from "@/tests/support/until";
import { startAppServer, type AppServer } from "../support/app-server";
import { createWorkspace, meetingInput } from "./support";
import { emulatorControl } from "@/tests/support/emulator-control";

let emu: RunningEmulator;
let database: TestDatabase;
let server: AppServer;
let m: {
  db: typeof import("@/lib/db").db;
  scheduleMeeting: typeof import("@/lib/meetings/schedule-meeting").scheduleMeeting;
  addParticipant: typeof import("@/lib/meetings/add-participant").addParticipant;
  dialParticipant: typeof import("@/lib/meetings/dial-participant").dialParticipant;
  endMeeting: typeof import("@/lib/call-control/end-meeting").endMeeting;
  runDueJobs: typeof import("@/lib/jobs/run-due-jobs").runDueJobs;
  connectEmulatorWorkspace: typeof import("@/lib/sautikit/connect-emulator-workspace").connectEmulatorWorkspace;
  buildRoster: typeof import("@/lib/roster/get-meeting-roster").buildRoster;
  redial: typeof import("@/lib/meetings/redial-after-drop");
};

beforeAll(async () => {
  emu = await startEmulator({ env: { EMULATOR_TIME_SCALE: "0.05", EMULATOR_RATE_LIMIT: "0" } });
  database = await createTestDatabase();
  server = await startAppServer({ databaseUrl: database.url, sautikitApiUrl: emu.url });
  m = {
    db: (await import("@/lib/db")).db,
    scheduleMeeting: (await import("@/lib/meetings/schedule-meeting")).scheduleMeeting,
    addParticipant: (await import("@/lib/meetings/add-participant")).addParticipant,
    dialParticipant: (await import("@/lib/meetings/dial-participant")).dialParticipant,
    endMeeting: (await import("@/lib/call-control/end-meeting")).endMeeting,
    runDueJobs: (await import("@/lib/jobs/run-due-jobs")).runDueJobs,
    connectEmulatorWorkspace: (await import("@/lib/sautikit/connect-emulator-workspace")).connectEmulatorWorkspace,
    buildRoster: (await import("@/lib/roster/get-meeting-roster")).buildRoster,
    redial: await import("@/lib/meetings/redial-after-drop"),
  };
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await database?.drop();
  await emu?.stop();
});

const until = makeUntil();

const control = (path: string, method = "GET", body?: unknown) => emulatorControl(emu.url, path, method, body);
const phoneAction = (e164: string, action: string) => control(`/phones/${encodeURIComponent(e164)}/${action}`, "POST");
const callsTo = async (e164: string) => (await control("/state")).calls.filter((c: any) => c.remote_e164 === e164);
const transcript = async (e164: string): Promise<{ kind: string; text: string }[]> =>
  (await control("/state")).phones.find((p: any) => p.e164 === e164)?.transcript ?? [];

let stayers = 0;
/** A live meeting: the person under test plus someone who stays (an empty room would end the meeting). */
async function meetingWith(title: string, phone: string) {
  const { actor, workspaceId } = await createWorkspace(m.db);
  await m.db.sautikitConnection.delete({ where: { workspaceId } });
  await m.connectEmulatorWorkspace(workspaceId);
  const meeting = await m.scheduleMeeting(actor, meetingInput({ title, waitForHost: false, endOnHostExit: false }));
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
      const l = (await legsOf(participantId))[n - 1];
      const end = l && (await m.db.rosterEvent.count({ where: { legId: l.id, kind: "call.ended" } }));
      return l?.state === "left" && end ? l : undefined;
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
    const { meeting, participantId } = await meetingWith("Harvest planning", phone);
    await inCallOnAttempt(participantId, 1);

    await phoneAction(phone, "drop");
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
    await phoneAction(phone, "drop");
    await inCallOnAttempt(participantId, 3);
    await phoneAction(phone, "drop");
    const third = await ended(participantId, 3);
    expect(third.endReason).toBe("dropped");
    expect(await m.db.job.count({ where: { uniqueKey: `redial:${third.id}` } })).toBe(0);
    await m.runDueJobs({ workerId: "redial-test" });
    expect(await legsOf(participantId)).toHaveLength(3);
    expect(await callsTo(phone)).toHaveLength(3);
  });

  it("never after the person's own hang-up, nor once the meeting is over", { timeout: 120_000 }, async () => {
    const own = "+254722400002";
    const a = await meetingWith("Own hang-up", own);
    await inCallOnAttempt(a.participantId, 1);
    await phoneAction(own, "hangup");
    expect((await ended(a.participantId, 1)).endReason).toBe("hung_up");

    // The drop reaches Mkutano only after the organiser ended the meeting (its events are held).
    const late = "+254722400003";
    const b = await meetingWith("Over already", late);
    await inCallOnAttempt(b.participantId, 1);
    await control("/faults", "POST", { delay_ms: 3_000 });
    try {
      await phoneAction(late, "drop");
      await m.endMeeting(b.actor, b.meeting.id);
      expect((await ended(b.participantId, 1, 30_000)).endReason).toBe("dropped");
    } finally {
      await control("/faults", "DELETE");
    }
    await m.runDueJobs({ workerId: "redial-test" });
    for (const x of [a, b]) {
      expect(
        await m.db.job.count({
          where: {
            kind: m.redial.REDIAL_JOB,
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

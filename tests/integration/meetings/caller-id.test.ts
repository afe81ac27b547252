// Caller ID you can call back, against the real emulator: dial-outs present the workspace's dial-in
// number, so someone who missed the call calls it back and is admitted by caller ID.
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
  runDueJobs: typeof import("@/lib/jobs/run-due-jobs").runDueJobs;
  connectEmulatorWorkspace: typeof import("@/lib/sautikit/connect-emulator-workspace").connectEmulatorWorkspace;
  buildRoster: typeof import("@/lib/roster/get-meeting-roster").buildRoster;
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
    runDueJobs: (await import("@/lib/jobs/run-due-jobs")).runDueJobs,
    connectEmulatorWorkspace: (await import("@/lib/sautikit/connect-emulator-workspace")).connectEmulatorWorkspace,
    buildRoster: (await import("@/lib/roster/get-meeting-roster")).buildRoster,
  };
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await database?.drop();
  await emu?.stop();
});

const until = makeUntil();

const control = (path: string, method = "GET", body?: unknown) => emulatorControl(emu.url, path, method, body);
const state = () => control("/state");

describe("caller ID you can call back", () => {
  it(
    "dial-outs show the dial-in number; calling it back admits the person by caller ID; the setting turns it off",
    { timeout: 120_000 },
    async () => {
      const { actor, workspaceId } = await createWorkspace(m.db);
      await m.db.sautikitConnection.delete({ where: { workspaceId } });
      await m.connectEmulatorWorkspace(workspaceId);
      const conn = await m.db.sautikitConnection.findUniqueOrThrow({ where: { workspaceId } });
      expect(conn.presentDialInNumber).toBe(true);
      // Starts in five minutes: callers recognised by number are admitted from 15 minutes before.
      const meeting = await m.scheduleMeeting(
        actor,
        meetingInput({
          title: "Call me back",
          waitForHost: false,
          startsAt: new Date(Date.now() + 5 * 60_000).toISOString(),
        }),
      );
      const phone = "+254700000590"; // manual: rings until answered or declined
      const p = await m.addParticipant(actor, meeting.id, { name: "Missed", phone });
      await m.dialParticipant(actor, meeting.id, p.id);
      const ringing = await until("the phone rings", async () => {
        const s = await state();
        return s.phones.find((x: any) => x.e164 === phone)?.state === "ringing" ? s : undefined;
      });
      const call = ringing.calls.find((c: any) => c.remote_e164 === phone);
      expect(call.caller_id).toBe(conn.dialInNumber);
      expect(ringing.phones.find((x: any) => x.e164 === phone).transcript.at(-1).text).toBe(
        `Incoming call from ${conn.dialInNumber}`,
      );

      // Missed it; calls the number it saw, and is let in without a PIN.
      await control(`/phones/${encodeURIComponent(phone)}/decline`, "POST");
      await until(
        "the missed call on the roster",
        async () => (await m.buildRoster(meeting.id)).people[0]!.state === "left",
      );
      await control(`/phones/${encodeURIComponent(phone)}/dial`, "POST", { to: conn.dialInNumber });
      const row = await until("the person back in by caller ID", async () => {
        const r = (await m.buildRoster(meeting.id)).people.find((x) => x.name === "Missed")!;
        return r.state === "in_call" ? r : undefined;
      });
      expect(row.legs.map((l) => l.direction)).toEqual(["outbound", "inbound"]);
      const heard = (await state()).phones.find((x: any) => x.e164 === phone).transcript.map((l: any) => l.text);
      expect(heard.some((t: string) => /PIN/.test(t))).toBe(false);
      await control(`/phones/${encodeURIComponent(phone)}/hangup`, "POST");

      // Turned off: the caller-ID number shows, as before.
      await m.db.sautikitConnection.update({ where: { workspaceId }, data: { presentDialInNumber: false } });
      const later = await m.scheduleMeeting(actor, meetingInput({ title: "Plain caller ID" }));
      const q = await m.addParticipant(actor, later.id, { name: "Missed", phone });
      await until(
        "the phone is free",
        async () => (await state()).phones.find((x: any) => x.e164 === phone)?.call_id === null,
      );
      await m.dialParticipant(actor, later.id, q.id);
      const again = await until("the phone rings again", async () => {
        const s = await state();
        const calls = s.calls.filter((c: any) => c.remote_e164 === phone && c.direction === "outbound");
        return calls.length === 2 ? calls : undefined;
      });
      expect(again[0].caller_id).toBeNull();
      await control(`/phones/${encodeURIComponent(phone)}/decline`, "POST");
    },
  );
});

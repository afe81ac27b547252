// Caller ID you can call back, against the real emulator: dial-outs present the workspace's dial-in
// number, so someone who missed the call calls it back and is admitted by caller ID.
import { describe, expect, it } from "vitest";
import { appFixture } from "../support/app-fixture";
import { until } from "@/tests/support/until";

const app = appFixture({ emulatorEnv: { EMULATOR_TIME_SCALE: "0.05", EMULATOR_RATE_LIMIT: "0" } });
const m = app.lib;
const { state } = app.emulator;

describe("caller ID you can call back", { timeout: 120_000 }, () => {
  it("dial-outs show the dial-in number; calling it back admits the person by caller ID; the setting turns it off", async () => {
    const { actor, workspaceId } = await app.workspace();
    const conn = await m.db.sautikitConnection.findUniqueOrThrow({ where: { workspaceId } });
    expect(conn.presentDialInNumber).toBe(true);
    // Starts in five minutes: callers recognised by number are admitted from 15 minutes before.
    const meeting = await app.meeting(actor, {
      title: "Call me back",
      waitForHost: false,
      startsAt: new Date(Date.now() + 5 * 60_000).toISOString(),
    });
    const phone = "+254700000590"; // manual: rings until answered or declined
    const p = await m.addParticipant(actor, meeting.id, { name: "Missed", phone });
    await m.dialParticipant(actor, meeting.id, p.id);
    const ringing = await until("the phone rings", async () => {
      const s = await state();
      return s.phones.find((x) => x.e164 === phone)?.state === "ringing" ? s : undefined;
    });
    const call = ringing.calls.find((c) => c.remote_e164 === phone)!;
    expect(call.caller_id).toBe(conn.dialInNumber);
    expect(ringing.phones.find((x) => x.e164 === phone)!.transcript.at(-1)!.text).toBe(
      `Incoming call from ${conn.dialInNumber}`,
    );

    // Missed it; calls the number it saw, and is let in without a PIN.
    await app.emulator.decline(phone);
    await until(
      "the missed call on the roster",
      async () => (await m.buildRoster(meeting.id)).people[0]!.state === "left",
    );
    await app.emulator.dial(phone, conn.dialInNumber!);
    const row = await until("the person back in by caller ID", async () => {
      const r = (await m.buildRoster(meeting.id)).people.find((x) => x.name === "Missed")!;
      return r.state === "in_call" ? r : undefined;
    });
    expect(row.legs.map((l) => l.direction)).toEqual(["outbound", "inbound"]);
    const heard = (await state()).phones.find((x) => x.e164 === phone)!.transcript.map((l) => l.text);
    expect(heard.some((t) => /PIN/.test(t))).toBe(false);
    await app.emulator.hangup(phone);

    // Turned off: the caller-ID number shows, as before.
    await m.db.sautikitConnection.update({ where: { workspaceId }, data: { presentDialInNumber: false } });
    const later = await app.meeting(actor, { title: "Plain caller ID" });
    const q = await m.addParticipant(actor, later.id, { name: "Missed", phone });
    await until(
      "the phone is free",
      async () => (await state()).phones.find((x) => x.e164 === phone)?.call_id === null,
    );
    await m.dialParticipant(actor, later.id, q.id);
    const again = await until("the phone rings again", async () => {
      const s = await state();
      const calls = s.calls.filter((c) => c.remote_e164 === phone && c.direction === "outbound");
      return calls.length === 2 ? calls : undefined;
    });
    expect(again[0]!.caller_id).toBeNull();
    await app.emulator.decline(phone);
  });

  it("a caller ID the account does not own: a clear error, on the person's row too, and nothing dialled", async () => {
    const { actor, workspaceId } = await app.workspace();
    // The dial-in number was released at Sautikit after it was chosen here.
    const released = "+254709999998";
    await m.db.sautikitConnection.update({ where: { workspaceId }, data: { dialInNumber: released } });
    const meeting = await app.meeting(actor, { title: "Released number" });
    const phone = "+254722600001";
    const p = await m.addParticipant(actor, meeting.id, { name: "Otieno", phone });
    const refused = await m.dialParticipant(actor, meeting.id, p.id).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "NUMBER_NOT_OWNED" });
    expect((refused as Error).message).toContain(released);
    expect((refused as Error).message).toContain("Settings → Sautikit");
    const row = await app.person(meeting.id, "Otieno");
    expect(row.state).toBe("left");
    expect(row.dialError).toMatchObject({ code: "NUMBER_NOT_OWNED" });
    expect(row.dialError!.message).toContain(released);
    expect(await app.emulator.callsTo(phone)).toHaveLength(0);
  });
});

// Flash to join against the real emulator: an invitee calls the dial-in number of a live "call me
// back" meeting; the app rejects the call before answering (so it costs the caller nothing) and a
// durable job calls them straight back into the room. Repeated flashes give one callback.
import { describe, expect, it } from "vitest";
import { freshPhone, appFixture } from "../support/app-fixture";
import { until } from "@/tests/support/until";

const app = appFixture({ jobWorker: { intervalMs: 200 } });
const m = app.lib;
const em = app.emulator;

/**
 * A live "call me back" meeting: the host is in the room, dialled in with the host PIN, and
 * `invitee` is a participant on a phone of their own (not yet called).
 */
async function liveMeeting(invitee: string) {
  const ws = await app.workspace();
  const meeting = await app.meeting(ws.actor, { title: "Co-op", startsAt: new Date().toISOString() });
  await m.db.meeting.update({ where: { id: meeting.id }, data: { callMeBack: true } });
  const host = freshPhone();
  await em.dial(host, ws.dialIn);
  await em.hears(host, m.en.enterPin);
  await em.press(host, `${meeting.hostPin}#`);
  await until(
    "the meeting live",
    async () => (await m.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).status === "live",
  );
  const phone = freshPhone();
  await m.addParticipant(ws.actor, meeting.id, { name: invitee, phone });
  return { ws, meeting, host, phone };
}

const outboundTo = async (phone: string) =>
  (await em.state()).calls.filter((c) => c.direction === "outbound" && c.remote_e164 === phone);

describe.concurrent("flash to join", { timeout: 120_000 }, () => {
  it("rejects the flash unanswered at no cost, then calls the invitee back into the room", async () => {
    const { ws, meeting, host, phone } = await liveMeeting("Otieno");

    const flash = await em.dial(phone, ws.dialIn);
    const rejected = await until("the flash to end", async () => {
      const c = await em.callById(flash.call_id);
      return c && c.status !== "ringing" ? c : undefined;
    });
    expect(rejected).toMatchObject({
      direction: "inbound",
      status: "failed",
      failure_code: "rejected",
      cost_minor: 0,
      answered_at: null,
    });
    expect(await em.heard(phone)).toEqual([]);

    await until("Otieno called back and in the room", async () =>
      (await em.room(meeting.roomName))?.members.some((x) => x.e164 === phone),
    );
    await em.hears(phone, m.en.greeting("Otieno", "Co-op"));
    const row = await until("the roster shows the callback in call", async () => {
      const r = (await m.buildRoster(meeting.id)).people.find((p) => p.phoneE164 === phone);
      return r?.state === "in_call" ? r : undefined;
    });
    expect(row.legs.map((l) => l.direction)).toEqual(["outbound"]);
    expect(await outboundTo(phone)).toHaveLength(1);
    await em.hangup(phone);
    await em.hangup(host);
  });

  it("gives one callback for a second flash while the first one's callback is on its way", async () => {
    const { ws, meeting, host, phone } = await liveMeeting("Wairimu");

    const first = await em.dial(phone, ws.dialIn);
    await until("the first flash rejected", async () => (await em.callById(first.call_id))?.status === "failed");
    // The second flash comes once the first one's callback is queued (a person flashing again).
    await until(
      "the first flash's callback queued",
      async () =>
        (await m.db.job.count({ where: { kind: "meetings.dial-leg", uniqueKey: { contains: meeting.id } } })) > 0,
    );
    const second = await em.dial(phone, ws.dialIn);
    await until("the second flash rejected", async () => (await em.callById(second.call_id))?.status === "failed");

    await until("Wairimu in the room", async () =>
      (await em.room(meeting.roomName))?.members.some((x) => x.e164 === phone),
    );
    // Give a wrongly queued second callback every chance to show up before counting.
    await until(
      "no job left to run",
      async () =>
        (await m.db.job.count({ where: { kind: "meetings.dial-leg", status: { in: ["pending", "running"] } } })) === 0,
    );
    expect(await outboundTo(phone)).toHaveLength(1);
    const legs = await m.db.leg.findMany({ where: { meetingId: meeting.id, participant: { phoneE164: phone } } });
    expect(legs).toHaveLength(1);
    expect(await m.db.job.count({ where: { uniqueKey: { startsWith: `flash:${meeting.id}:` } } })).toBe(1);
    await em.hangup(phone);
    await em.hangup(host);
  });
});

// Host keypad controls against the real emulator: the host, on a phone, presses *6, *5 and *9 on
// the emulator's keypad; the emulator posts the digits (signed) to the app, which acts through
// Sautikit's conference commands and speaks a confirmation to the host alone.
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { freshPhone, appFixture } from "../support/app-fixture";
import { until } from "@/tests/support/until";

const app = appFixture({ jobWorker: { intervalMs: 200 } });
const m = app.lib;
const em = app.emulator;

describe("host keypad", () => {
  it(
    "*6 mutes and unmutes everyone, *5 locks, *9 ends the meeting — each confirmed to the host only",
    { timeout: 180_000 },
    async () => {
      const ws = await app.workspace();
      const meeting = await app.meeting(ws.actor, { title: "Chama", startsAt: new Date().toISOString() });
      const [amina, baraka, lena, host] = [freshPhone(), freshPhone(), freshPhone(), freshPhone()];
      await m.addParticipant(ws.actor, meeting.id, { name: "Amina", phone: amina });
      await m.addParticipant(ws.actor, meeting.id, { name: "Baraka", phone: baraka });
      await m.addParticipant(ws.actor, meeting.id, { name: "Lena", phone: lena, role: "listener" });
      await Promise.all([amina, baraka, lena].map((p) => em.dial(p, ws.dialIn)));
      await em.dial(host, ws.dialIn);
      await em.hears(host, m.en.enterPin);
      await em.press(host, `${meeting.hostPin}#`);
      await em.hears(host, m.en.hostKeypadHelp);

      const people = [amina, baraka, lena, host];
      const members = async () => (await em.room(meeting.roomName))?.members ?? [];
      const roster = async () => (await m.buildRoster(meeting.id)).people;
      await until("everyone in the live room", async () => {
        const inCall = (await roster()).filter((p) => p.state === "in_call").map((p) => p.phoneE164);
        return people.every((p) => inCall.includes(p)) && (await members()).length === 4;
      });
      expect((await members()).find((x) => x.e164 === lena)?.muted).toBe(true);

      const mutedBy = async () => {
        const room = Object.fromEntries((await members()).map((x) => [x.e164, x.muted]));
        const rows = Object.fromEntries((await roster()).map((p) => [p.phoneE164, p.muted]));
        return { room, rows };
      };
      const want = (a: boolean, b: boolean, l: boolean) => ({ [amina]: a, [baraka]: b, [lena]: l, [host]: false });
      // The room (emulator) and the roster (built from the room's mute events) must agree.
      const agree = (w: Record<string, boolean>) => async () => {
        const s = await mutedBy();
        return isDeepStrictEqual(s.room, w) && isDeepStrictEqual(s.rows, w);
      };

      await em.press(host, "*6");
      await em.hears(host, m.en.everyoneMuted);
      await until("everyone but the host muted, in the room and on the roster", agree(want(true, true, true)));
      // The confirmation went to the host alone.
      for (const p of [amina, baraka, lena]) expect(await em.heard(p)).not.toContain(m.en.everyoneMuted);

      await em.press(host, "*6");
      await em.hears(host, m.en.everyoneUnmuted);
      await until("speakers unmuted, the listener still muted", agree(want(false, false, true)));

      await em.press(host, "*5");
      await em.hears(host, m.en.roomLocked);
      expect((await m.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).locked).toBe(true);
      const late = freshPhone();
      await em.dial(late, ws.dialIn);
      await em.hears(late, m.en.enterPin);
      await em.press(late, `${meeting.pin}#`);
      await em.hears(late, m.en.meetingLocked);

      await em.press(host, "*9");
      await em.hears(host, m.en.endingMeeting);
      for (const p of people) await em.idle(p);
      const ended = await m.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
      expect(ended.status).toBe("ended");
      expect(
        await m.db.auditLog.count({
          where: {
            target: meeting.id,
            action: { in: ["meeting.muted_all", "meeting.unmuted_all", "meeting.locked", "meeting.ended"] },
          },
        }),
      ).toBe(4);
      // The roster's mutes came from the room's status events: the listener's join, then two by *6.
      expect(await m.db.rosterEvent.count({ where: { meetingId: meeting.id, kind: "room.mute" } })).toBe(3);
    },
  );
});

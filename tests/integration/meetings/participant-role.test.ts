// A listed person's role can be changed after adding them (for their next call); bad input, a
// person on a call, a closed meeting and other workspaces are refused and change nothing.
import { describe, expect, it } from "vitest";
import { appFixture } from "../support/app-fixture";

const app = appFixture({
  modules: () => [import("@/lib/meetings/change-participant-role")],
});
const m = app.lib;

const roleOf = async (id: string) => (await m.db.participant.findUniqueOrThrow({ where: { id } })).role;

describe("changing a participant's role", () => {
  it("makes a participant a host, then a listener, and back", async () => {
    const { actor } = await app.workspace();
    const meeting = await app.meeting(actor);
    const p = await m.addParticipant(actor, meeting.id, { name: "Amina", phone: "0712 345 678" });
    for (const role of ["host", "listener", "participant"] as const) {
      const res = await m.changeParticipantRole(actor, meeting.id, p.id, { role });
      expect(res.participant).toEqual({ id: p.id, name: "Amina", role });
      expect(await roleOf(p.id)).toBe(role);
    }
  });

  it("refuses an unknown role, a person on a call, a closed meeting and other workspaces", async () => {
    const { actor } = await app.workspace();
    const other = await app.workspace();
    const meeting = await app.meeting(actor);
    const p = await m.addParticipant(actor, meeting.id, { name: "Juma", phone: "0722 000 111" });

    await expect(m.changeParticipantRole(actor, meeting.id, p.id, { role: "owner" })).rejects.toMatchObject({
      name: "ZodError",
    });
    await expect(m.changeParticipantRole(other.actor, meeting.id, p.id, { role: "host" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const elsewhere = await app.meeting(actor);
    await expect(m.changeParticipantRole(actor, elsewhere.id, p.id, { role: "host" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const leg = await m.db.leg.create({
      data: {
        workspaceId: actor.workspaceId,
        meetingId: meeting.id,
        participantId: p.id,
        direction: "outbound",
        toE164: "+254722000111",
        state: "in_call",
      },
    });
    await expect(m.changeParticipantRole(actor, meeting.id, p.id, { role: "host" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/on a call right now/),
    });
    await m.db.leg.update({ where: { id: leg.id }, data: { state: "left" } });

    await m.db.meeting.update({ where: { id: meeting.id }, data: { status: "ended" } });
    await expect(m.changeParticipantRole(actor, meeting.id, p.id, { role: "host" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await roleOf(p.id)).toBe("participant");
  });
});

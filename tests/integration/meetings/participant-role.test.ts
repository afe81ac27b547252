// A listed person's role can be changed after adding them (for their next call); bad input, a
// person on a call, a closed meeting and other workspaces are refused and change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppTest, setupAppTest } from "../support/setup-app-test";
import { createWorkspace, meetingInput } from "./support";

let app: AppTest;
let db: typeof import("@/lib/db").db;
let scheduleMeeting: typeof import("@/lib/meetings/schedule-meeting").scheduleMeeting;
let addParticipant: typeof import("@/lib/meetings/add-participant").addParticipant;
let changeParticipantRole: typeof import("@/lib/meetings/change-participant-role").changeParticipantRole;

beforeAll(async () => {
  app = await setupAppTest();
  db = (await import("@/lib/db")).db;
  scheduleMeeting = (await import("@/lib/meetings/schedule-meeting")).scheduleMeeting;
  addParticipant = (await import("@/lib/meetings/add-participant")).addParticipant;
  changeParticipantRole = (await import("@/lib/meetings/change-participant-role")).changeParticipantRole;
});
afterAll(() => app?.stop());

const roleOf = async (id: string) => (await db.participant.findUniqueOrThrow({ where: { id } })).role;

describe("changing a participant's role", () => {
  it("makes a participant a host, then a listener, and back", async () => {
    const { actor } = await createWorkspace(db);
    const meeting = await scheduleMeeting(actor, meetingInput());
    const p = await addParticipant(actor, meeting.id, { name: "Amina", phone: "0712 345 678" });
    for (const role of ["host", "listener", "participant"] as const) {
      const res = await changeParticipantRole(actor, meeting.id, p.id, { role });
      expect(res.participant).toEqual({ id: p.id, name: "Amina", role });
      expect(await roleOf(p.id)).toBe(role);
    }
  });

  it("refuses an unknown role, a person on a call, a closed meeting and other workspaces", async () => {
    const { actor } = await createWorkspace(db);
    const other = await createWorkspace(db);
    const meeting = await scheduleMeeting(actor, meetingInput());
    const p = await addParticipant(actor, meeting.id, { name: "Juma", phone: "0722 000 111" });

    await expect(changeParticipantRole(actor, meeting.id, p.id, { role: "owner" })).rejects.toMatchObject({
      name: "ZodError",
    });
    await expect(changeParticipantRole(other.actor, meeting.id, p.id, { role: "host" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const elsewhere = await scheduleMeeting(actor, meetingInput());
    await expect(changeParticipantRole(actor, elsewhere.id, p.id, { role: "host" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const leg = await db.leg.create({
      data: {
        workspaceId: actor.workspaceId,
        meetingId: meeting.id,
        participantId: p.id,
        direction: "outbound",
        toE164: "+254722000111",
        state: "in_call",
      },
    });
    await expect(changeParticipantRole(actor, meeting.id, p.id, { role: "host" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/on a call right now/),
    });
    await db.leg.update({ where: { id: leg.id }, data: { state: "left" } });

    await db.meeting.update({ where: { id: meeting.id }, data: { status: "ended" } });
    await expect(changeParticipantRole(actor, meeting.id, p.id, { role: "host" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await roleOf(p.id)).toBe("participant");
  });
});

// Meetings are scoped to the workspace (and organisers to their own meetings): anything else is
// "not found". Bad input is refused with a clear message and changes nothing.
import { describe, expect, it } from "vitest";
import { appFixture } from "../support/app-fixture";
import { createWorkspace, meetingInput, postSigned } from "./support";

const app = appFixture({
  modules: () => [
    import("@/lib/meetings/bulk-add-participants"),
    import("@/lib/meetings/edit-meeting"),
    import("@/lib/roster/get-meeting-roster"),
    import("@/lib/meetings/list-meetings"),
  ],
});
const mod = app.lib;

describe("scoping", () => {
  it("hides a meeting from other workspaces and from other organisers", async () => {
    const a = await createWorkspace(mod.db);
    const b = await createWorkspace(mod.db);
    const meeting = await mod.scheduleMeeting(a.actor, meetingInput());
    const p = await mod.addParticipant(a.actor, meeting.id, { name: "Amina", phone: "0712 345 678" });
    const organiser = {
      ...a.actor,
      userId: (await mod.db.user.create({ data: { email: `o-${Date.now()}@x.test`, name: "O", passwordHash: "x" } }))
        .id,
      role: "organiser" as const,
    };

    for (const stranger of [b.actor, organiser]) {
      await expect(mod.getMeetingRoster(stranger, meeting.id, "en")).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(mod.dialParticipant(stranger, meeting.id, p.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(
        mod.addParticipant(stranger, meeting.id, { name: "X", phone: "0722 000 000" }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(mod.endMeeting(stranger, meeting.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect((await mod.listMeetings(stranger)).upcoming.map((x) => x.id)).not.toContain(meeting.id);
    }
    // A participant id from another meeting is not found either.
    const other = await mod.scheduleMeeting(a.actor, meetingInput());
    await expect(mod.dialParticipant(a.actor, other.id, p.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await mod.db.leg.count({ where: { participantId: p.id } })).toBe(0);
    expect((await mod.db.meeting.findUnique({ where: { id: meeting.id } }))?.status).toBe("scheduled");
  });

  it("ignores a signed conference event for a room that belongs to another workspace", async () => {
    const a = await createWorkspace(mod.db);
    const b = await createWorkspace(mod.db);
    const meeting = await mod.scheduleMeeting(a.actor, meetingInput());
    const body = new URLSearchParams({
      ConferenceName: meeting.roomName,
      conference_name: meeting.roomName,
      StatusCallbackEvent: "conference-start",
      event: "start",
      EventId: `evt-${Date.now()}`,
      Timestamp: new Date().toISOString(),
      SequenceNumber: "1",
      participants: "1",
    }).toString();
    /** Posts the event to `workspaceId`'s webhook URL, signed with `secret`. */
    const post = (workspaceId: string, secret: string) =>
      postSigned(
        `${app.url}/api/sautikit/${workspaceId}/conference/events`,
        body,
        "application/x-www-form-urlencoded",
        secret,
      );
    const res = await post(b.workspaceId, b.secret);
    expect(res.status).toBeLessThan(500);
    expect(await mod.db.rosterEvent.count({ where: { meetingId: meeting.id } })).toBe(0);
    expect((await mod.db.meeting.findUnique({ where: { id: meeting.id } }))?.status).toBe("scheduled");
    // Signed with the wrong workspace's secret: refused outright.
    const forged = await post(a.workspaceId, b.secret);
    expect(forged.status).toBe(401);
    expect(await mod.db.rosterEvent.count({ where: { meetingId: meeting.id } })).toBe(0);
  });
});

describe("validation", () => {
  it("refuses bad input with a clear message and changes nothing", async () => {
    const { actor } = await createWorkspace(mod.db);
    await expect(mod.scheduleMeeting(actor, meetingInput({ title: " ", capacity: 1 }))).rejects.toMatchObject({
      name: "ZodError",
    });
    expect(await mod.db.meeting.count({ where: { workspaceId: actor.workspaceId } })).toBe(0);

    const meeting = await mod.scheduleMeeting(actor, meetingInput());
    await expect(mod.addParticipant(actor, meeting.id, { name: "Amina", phone: "0712" })).rejects.toMatchObject({
      name: "ZodError",
      issues: [{ path: ["phone"], message: "Errors.phoneInvalid", params: { raw: "0712" } }],
    });
    await mod.addParticipant(actor, meeting.id, { name: "Amina", phone: "0712 345 678" });
    await expect(
      mod.addParticipant(actor, meeting.id, { name: "Amina 2", phone: "+254712345678" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "+254712345678 is already a participant in this meeting.",
    });
    const bulk = await mod.bulkAddParticipants(actor, meeting.id, { text: "Juma, 0712\nAmina, 0712 345 678\nWanjiru" });
    expect(bulk.added).toBe(0);
    expect(bulk.errors.map((e) => e.line)).toEqual([1, 2, 3]);
    expect(await mod.db.participant.count({ where: { meetingId: meeting.id } })).toBe(1);

    const before = await mod.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    await expect(mod.editMeeting(actor, meeting.id, meetingInput({ timeZone: "Nowhere/Land" }))).rejects.toMatchObject({
      name: "ZodError",
    });
    expect((await mod.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).updatedAt).toEqual(before.updatedAt);

    await mod.endMeeting(actor, meeting.id);
    await expect(mod.addParticipant(actor, meeting.id, { name: "Late", phone: "0722 111 222" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(mod.editMeeting(actor, meeting.id, meetingInput())).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("not connected", () => {
  it("refuses Call everyone without a Sautikit connection and queues nothing", async () => {
    const { callEveryone } = await import("@/lib/meetings/call-everyone");
    const { actor, workspaceId } = await createWorkspace(mod.db);
    const meeting = await mod.scheduleMeeting(actor, meetingInput());
    await mod.addParticipant(actor, meeting.id, { name: "Amina", phone: "0712 345 678" });
    await mod.db.sautikitConnection.delete({ where: { workspaceId } });
    await expect(callEveryone(actor, meeting.id)).rejects.toMatchObject({
      code: "SAUTIKIT_NOT_CONNECTED",
      message: expect.stringMatching(/not connected to Sautikit/),
    });
    expect(await mod.db.leg.count({ where: { meetingId: meeting.id } })).toBe(0);
    expect(await mod.db.job.count({ where: { uniqueKey: { contains: meeting.id } } })).toBe(0);
  });
});

// A weekly meeting that ends schedules its next occurrence once: same people and PINs, a new room.
import { describe, expect, it } from "vitest";
import { appFixture } from "../support/app-fixture";
import { createWorkspace, meetingInput } from "./support";

const app = appFixture();
const m = app.lib;

describe("weekly recurrence", () => {
  it("rolls an ended occurrence over to the next week, once", async () => {
    const { scheduleMeeting } = await import("@/lib/meetings/schedule-meeting");
    const { addParticipant } = await import("@/lib/meetings/add-participant");
    const { endMeeting } = await import("@/lib/call-control/end-meeting");
    const { actor } = await createWorkspace(m.db);
    const startsAt = new Date(Date.now() - 10 * 60_000);
    const first = await scheduleMeeting(
      actor,
      meetingInput({ recurrence: "weekly", startsAt: startsAt.toISOString() }),
    );
    await addParticipant(actor, first.id, { name: "Host", phone: "0712 000 001", role: "host" });
    await addParticipant(actor, first.id, { name: "Amina", phone: "0712 000 002" });

    await endMeeting(actor, first.id);
    await endMeeting(actor, first.id);

    const all = await m.db.meeting.findMany({
      where: { workspaceId: actor.workspaceId },
      include: { participants: true },
      orderBy: { startsAt: "asc" },
    });
    expect(all.map((m) => m.status)).toEqual(["ended", "scheduled"]);
    const next = all[1]!;
    expect(next.startsAt.getTime() - first.startsAt.getTime()).toBe(7 * 24 * 3600_000);
    expect(next.roomName).not.toBe(first.roomName);
    expect([next.pin, next.hostPin]).toEqual([first.pin, first.hostPin]);
    expect(next.participants.map((p) => [p.name, p.phoneE164, p.role]).sort()).toEqual([
      ["Amina", "+254712000002", "participant"],
      ["Host", "+254712000001", "host"],
    ]);

    // A one-off meeting does not repeat.
    const once = await scheduleMeeting(actor, meetingInput({ title: "Once" }));
    await endMeeting(actor, once.id);
    expect(await m.db.meeting.count({ where: { workspaceId: actor.workspaceId, title: "Once" } })).toBe(1);
  });
});

// Capacity: with a meeting of N places full, the (N+1)th person answers, hears the apology (Say)
// and is hung up — never left stalled in a silent room. Real emulator, real routes, real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppTest, setupAppTest } from "../support/setup-app-test";
import { createWorkspace, meetingInput } from "./support";
import { makeUntil } from "@/tests/support/until";

let app: AppTest;
let m: {
  db: typeof import("@/lib/db").db;
  scheduleMeeting: typeof import("@/lib/meetings/schedule-meeting").scheduleMeeting;
  addParticipant: typeof import("@/lib/meetings/add-participant").addParticipant;
  dialParticipant: typeof import("@/lib/meetings/dial-participant").dialParticipant;
  endMeeting: typeof import("@/lib/call-control/end-meeting").endMeeting;
  connectEmulatorWorkspace: typeof import("@/lib/sautikit/connect-emulator-workspace").connectEmulatorWorkspace;
  en: typeof import("@/lib/meetings/prompts/en").en;
};

beforeAll(async () => {
  app = await setupAppTest();
  m = {
    db: (await import("@/lib/db")).db,
    scheduleMeeting: (await import("@/lib/meetings/schedule-meeting")).scheduleMeeting,
    addParticipant: (await import("@/lib/meetings/add-participant")).addParticipant,
    dialParticipant: (await import("@/lib/meetings/dial-participant")).dialParticipant,
    endMeeting: (await import("@/lib/call-control/end-meeting")).endMeeting,
    connectEmulatorWorkspace: (await import("@/lib/sautikit/connect-emulator-workspace")).connectEmulatorWorkspace,
    en: (await import("@/lib/meetings/prompts/en")).en,
  };
});
afterAll(() => app?.stop());

type Phone = { e164: string; state: string; transcript: { kind: string; text: string }[] };
type Room = { name: string; members: { e164: string }[] };

async function emulatorState(): Promise<{ phones: Phone[]; rooms: Room[] }> {
  const res = await fetch(`${app.emulatorUrl}/_emulator/state`);
  return (await res.json()) as { phones: Phone[]; rooms: Room[] };
}

const until = makeUntil();

describe("meeting capacity", () => {
  it("turns the (N+1)th person away with an apology and a hangup", { timeout: 150_000 }, async () => {
    expect(app.emulatorUrl).toBeTruthy();
    const { actor, workspaceId } = await createWorkspace(m.db);
    await m.db.sautikitConnection.delete({ where: { workspaceId } });
    await m.connectEmulatorWorkspace(workspaceId);

    const meeting = await m.scheduleMeeting(
      actor,
      meetingInput({ capacity: 2, waitForHost: false, endOnHostExit: false }),
    );
    const phones = ["+254711000101", "+254711000102", "+254711000103"];
    const people = [];
    for (const [i, phone] of phones.entries())
      people.push(await m.addParticipant(actor, meeting.id, { name: `Person ${i + 1}`, phone }));

    const legState = (participantId: string) =>
      m.db.leg.findFirst({ where: { participantId }, orderBy: { attempt: "desc" } }).then((l) => l ?? undefined);

    // Fill the room one by one so the order of answers is known.
    for (const p of people.slice(0, 2)) {
      await m.dialParticipant(actor, meeting.id, p.id);
      await until(`${p.name} in the room`, async () => (await legState(p.id))?.state === "in_call");
    }

    const third = people[2]!;
    await m.dialParticipant(actor, meeting.id, third.id);
    const leg = await until("the third leg to end", async () => {
      const l = await legState(third.id);
      return l?.state === "left" ? l : undefined;
    });
    expect(leg.joinedAt).toBeNull();

    const state = await emulatorState();
    const phone = state.phones.find((p) => p.e164 === phones[2])!;
    expect(phone.transcript.filter((t) => t.kind === "say").map((t) => t.text)).toContain(m.en.meetingFull);
    expect(phone.state).not.toBe("in_call");
    const room = state.rooms.find((r) => r.name === meeting.roomName)!;
    expect(room.members.map((x) => x.e164).sort()).toEqual(phones.slice(0, 2));
    for (const p of people.slice(0, 2)) expect((await legState(p.id))?.state).toBe("in_call");

    // Ending the meeting hangs up everyone still in it.
    const ended = await m.endMeeting(actor, meeting.id);
    expect(ended).toEqual({ hungUp: 2, failed: 0 });
    for (const p of people.slice(0, 2)) {
      await until(`${p.name} to leave`, async () => (await legState(p.id))?.state === "left");
      expect((await legState(p.id))?.endReason).toBe("meeting_ended");
    }
  });
});

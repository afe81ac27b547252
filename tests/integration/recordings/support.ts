// Shared set-up for the recordings and spend tests: a workspace with its own emulator account, an
// admin and an organiser (on top of the integration fixture), recorded meetings driven through the
// real emulator and webhook routes.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { type AppFixture, freshPhone } from "../support/app-fixture";
import { makeUntil } from "@/tests/support/until";

type Db = typeof import("@/lib/db").db;

export type Member = Actor;

/** A workspace signed up through the fixture (its own emulator account), with an admin and an organiser. */
export async function connectedWorkspace(app: AppFixture<object>, name = "Recordings test") {
  const ws = await app.workspace({ name });
  return { ...ws, admin: ws.actor, organiser: await ws.addMember("organiser") };
}

export const until = makeUntil({ timeoutMs: 25_000 });

/**
 * A meeting organised by `organiser` whose people are dialled and all in the room (no host needed,
 * so the room starts with the first person). Returns once every leg is in the call.
 */
export async function liveMeeting(
  db: Db,
  organiser: Actor,
  opts: { record?: boolean; people?: number; budgetMinor?: number } = {},
) {
  const { scheduleMeeting } = await import("@/lib/meetings/schedule-meeting");
  const { addParticipant } = await import("@/lib/meetings/add-participant");
  const { dialParticipant } = await import("@/lib/meetings/dial-participant");
  const meeting = await scheduleMeeting(organiser, {
    title: `Recorded sync ${randomUUID().slice(0, 6)}`,
    agenda: "",
    startsAt: new Date(Date.now() + 3600_000).toISOString(),
    durationMinutes: 30,
    capacity: 10,
    record: opts.record ?? true,
    waitForHost: false,
    endOnHostExit: false,
  });
  if (opts.budgetMinor !== undefined)
    await db.meeting.update({ where: { id: meeting.id }, data: { budgetMinor: opts.budgetMinor } });
  const people = [];
  for (let i = 0; i < (opts.people ?? 2); i++) {
    const p = await addParticipant(organiser, meeting.id, { name: `Person ${i + 1}`, phone: freshPhone() });
    await dialParticipant(organiser, meeting.id, p.id);
    await until(
      `${p.name} in the room`,
      async () => (await db.leg.findFirst({ where: { participantId: p.id, state: "in_call" } })) ?? undefined,
    );
    people.push(p);
  }
  return { meeting, people };
}

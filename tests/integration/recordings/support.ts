// Shared set-up for the recordings and spend tests: a workspace with its own emulator account, an
// admin and an organiser, recorded meetings driven through the real emulator and webhook routes.
import { randomInt, randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import type { AppTest } from "../support/setup-app-test";
import { makeUntil } from "@/tests/support/until";

type Db = typeof import("@/lib/db").db;

export type Member = Actor;

/** A workspace connected to a fresh emulator workspace, with an admin and an organiser. */
export async function connectedWorkspace(db: Db, name = "Recordings test") {
  const { connectEmulatorWorkspace } = await import("@/lib/sautikit/connect-emulator-workspace");
  const workspace = await db.workspace.create({ data: { name } });
  const mk = async (role: "admin" | "organiser"): Promise<Actor> => {
    const user = await db.user.create({
      data: { email: `${role}-${randomUUID()}@example.test`, name: `The ${role}`, passwordHash: "x" },
    });
    await db.membership.create({ data: { userId: user.id, workspaceId: workspace.id, role } });
    return {
      userId: user.id,
      email: user.email,
      name: user.name,
      workspaceId: workspace.id,
      workspaceName: name,
      role,
    };
  };
  const admin = await mk("admin");
  const organiser = await mk("organiser");
  await connectEmulatorWorkspace(workspace.id);
  const conn = await db.sautikitConnection.findUniqueOrThrow({ where: { workspaceId: workspace.id } });
  return { workspaceId: workspace.id, admin, organiser, emulatorWorkspaceId: conn.emulatorWorkspace! };
}

/** A Kenyan mobile number outside the emulator's magic ranges, unique enough for parallel files. */
export function freshPhone(): string {
  return `+2547${randomInt(20, 99)}${String(randomInt(0, 1_000_000)).padStart(6, "0")}`;
}

export const until = makeUntil({ timeoutMs: 25_000 });

export type EmulatorRoom = {
  workspace_id: string;
  name: string;
  status: string;
  members: { call_id: string; e164: string }[];
  recording_call_id?: string | null;
};
export type EmulatorCall = { id: string; status: string; duration_seconds: number | null; cost_minor: number | null };

export async function emulatorState(app: AppTest): Promise<{ rooms: EmulatorRoom[]; calls: EmulatorCall[] }> {
  const res = await fetch(`${app.emulatorUrl}/_emulator/state`);
  return (await res.json()) as { rooms: EmulatorRoom[]; calls: EmulatorCall[] };
}

export async function control(app: AppTest, path: string, body?: unknown): Promise<Response> {
  return fetch(`${app.emulatorUrl}/_emulator${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body ?? {}),
  });
}

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

// Shared set-up for meetings integration tests: a workspace, an organiser and a Sautikit
// connection row, plus signed webhook delivery to the app's real routes.
import { createHmac, randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { ParticipantRole } from "@/lib/shared/meeting-schemas";

type Db = typeof import("@/lib/db").db;

export async function createWorkspace(db: Db, opts: { secret?: string } = {}) {
  const { encryptSecret } = await import("@/lib/crypto");
  const user = await db.user.create({
    data: { email: `org-${randomUUID()}@example.test`, name: "Organiser", passwordHash: "x" },
  });
  const workspace = await db.workspace.create({ data: { name: "Test workspace" } });
  await db.membership.create({ data: { userId: user.id, workspaceId: workspace.id, role: "admin" } });
  const secret = opts.secret ?? `whsec_${randomUUID()}`;
  await db.sautikitConnection.create({
    data: {
      workspaceId: workspace.id,
      apiBaseUrl: "http://127.0.0.1:9",
      apiKeyEnc: encryptSecret("sk_unused"),
      signingSecretEnc: encryptSecret(secret),
      dialInNumber: "+254709000100",
      callerIdNumber: "+254709000200",
    },
  });
  const actor: Actor = {
    userId: user.id,
    email: user.email,
    name: user.name,
    workspaceId: workspace.id,
    workspaceName: workspace.name,
    role: "admin",
  };
  return { actor, secret, workspaceId: workspace.id };
}

export function actorFor(userId: string, workspaceId: string): Actor {
  return { userId, email: "o@example.test", name: "Organiser", workspaceId, workspaceName: "W", role: "admin" };
}

export function sign(body: string, secret: string, t = Math.floor(Date.now() / 1000)): string {
  return `t=${t},v1=${createHmac("sha256", secret).update(`${body}.${t}`).digest("hex")}`;
}

export async function postSigned(url: string, body: string, contentType: string, secret: string): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": contentType,
      "x-sautikit-signature": sign(body, secret),
      "user-agent": "Sautikit-Webhooks/1",
    },
    body,
  });
}

/** The ISO time `ms` from now (a meeting's startsAt). */
export const startsIn = (ms: number) => new Date(Date.now() + ms).toISOString();

/** A valid meeting to schedule (an hour from now, 30 minutes, 10 places), with `overrides`. */
export function meetingInput(overrides: Record<string, unknown> = {}) {
  return {
    title: "Weekly sync",
    agenda: "",
    startsAt: startsIn(3600_000),
    durationMinutes: 30,
    capacity: 10,
    ...overrides,
  };
}

/**
 * Participant rows written straight to the database (no validation, no audit), as a roster-fold or
 * replay test wants them: the i-th person gets the number `${phonePrefix}${10 + i}`. Returns name → id.
 */
export async function insertParticipants(
  db: Db,
  at: { workspaceId: string; meetingId: string },
  people: { name: string; role: ParticipantRole }[],
  phonePrefix: string,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [i, { name, role }] of people.entries()) {
    const row = await db.participant.create({ data: { ...at, name, phoneE164: `${phonePrefix}${10 + i}`, role } });
    ids.set(name, row.id);
  }
  return ids;
}

/** The app's answer to a voice callback: its actions, read loosely. */
export type VoiceAnswer = { actions: Record<string, Record<string, unknown>>[] };

/**
 * A meeting (in a workspace from createWorkspace) whose people each have an outbound leg bound to
 * its call id — what dialParticipant leaves behind once Sautikit accepted the call — and a poster
 * of Sautikit's signed outbound voice callback to the app's real route.
 */
export async function meetingWithPlacedLegs(
  db: Db,
  appUrl: string,
  opts: { meeting: Record<string, unknown>; people: { name: string; phone: string }[] },
) {
  const { scheduleMeeting } = await import("@/lib/meetings/schedule-meeting");
  const { addParticipant } = await import("@/lib/meetings/add-participant");
  const ws = await createWorkspace(db);
  const meeting = await scheduleMeeting(ws.actor, meetingInput(opts.meeting));
  const legs: Awaited<ReturnType<Db["leg"]["create"]>>[] = [];
  for (const { name, phone } of opts.people) {
    const person = await addParticipant(ws.actor, meeting.id, { name, phone });
    legs.push(
      await db.leg.create({
        data: {
          workspaceId: ws.workspaceId,
          meetingId: meeting.id,
          participantId: person.id,
          direction: "outbound",
          callId: `CA${randomUUID().replaceAll("-", "")}`,
          idempotencyKey: `${meeting.id}:${person.id}:1`,
          toE164: phone,
          fromE164: "+254709000200",
        },
      }),
    );
  }
  /** Posts an answered outbound call's voice callback with these fields (CallId, To, …); 200 expected. */
  const callback = async (fields: Record<string, string>): Promise<VoiceAnswer> => {
    const body = new URLSearchParams({
      From: "+254709000200",
      Direction: "outbound",
      CallStatus: "answered",
      ...fields,
    }).toString();
    const url = `${appUrl}/api/sautikit/${ws.workspaceId}/voice/outbound`;
    const res = await postSigned(url, body, "application/x-www-form-urlencoded", ws.secret);
    expect(res.status).toBe(200);
    return (await res.json()) as VoiceAnswer;
  };
  return { ...ws, meeting, legs, callback };
}

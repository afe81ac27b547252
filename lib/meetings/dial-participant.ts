import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { assertOpen, findMeetingForActor } from "@/lib/meetings/meeting-scope";
import { legIdempotencyKey } from "@/lib/meetings/callback-urls";
import { placeLegCall } from "@/lib/meetings/place-leg-call";
import { lockMeeting } from "@/lib/roster/recompute-roster";
import { notifyRosterChanged } from "@/lib/roster/roster-bus";
import type { DialResult } from "@/lib/shared/api-schemas";
import { assertWithinBudget } from "@/lib/spend/assert-within-budget";

export const DIAL_LEG_JOB = "meetings.dial-leg";

export type LegPurpose = "dial" | "redial" | "reminder";

/**
 * Creates the next leg for a participant unless one is already live. Run under the meeting lock,
 * so a double click (or Call + Call everyone racing) yields one leg and one dial.
 */
export async function createLegIfIdle(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  meetingId: string,
  participantId: string,
  /**
   * "redial": an automatic call back after a network drop (lib/meetings/redial-after-drop.ts);
   * "reminder": a voice reminder before the start (lib/meetings/send-reminders.ts).
   */
  purpose: LegPurpose = "dial",
) {
  const live = await tx.leg.findFirst({ where: { participantId, meetingId, state: { not: "left" } } });
  if (live) return { leg: live, created: false };
  const attempt = (await tx.leg.count({ where: { participantId, meetingId } })) + 1;
  const participant = await tx.participant.findUniqueOrThrow({ where: { id: participantId } });
  const leg = await tx.leg.create({
    data: {
      workspaceId,
      meetingId,
      participantId,
      direction: "outbound",
      attempt,
      purpose,
      idempotencyKey: legIdempotencyKey(meetingId, participantId, attempt),
      state: "created",
      toE164: participant.phoneE164,
    },
  });
  return { leg, created: true };
}

/** "Call" and "Re-dial": one participant, dialled now. */
export async function dialParticipant(actor: Actor, meetingId: string, participantId: string): Promise<DialResult> {
  const meeting = await findMeetingForActor(actor, meetingId);
  assertOpen(meeting, "callPeople");
  await assertWithinBudget(meeting.id, actor.workspaceId);
  const { leg, created } = await db.$transaction(async (tx) => {
    await lockMeeting(tx, meeting.id);
    const p = await tx.participant.findFirst({
      where: { id: participantId, meetingId: meeting.id, workspaceId: actor.workspaceId },
    });
    if (!p) throw new AppError("NOT_FOUND", "participantNotFound");
    return createLegIfIdle(tx, actor.workspaceId, meeting.id, p.id);
  });
  if (!created) return { legId: leg.id, status: "already" as const };
  notifyRosterChanged(meeting.id);
  const result = await placeLegCall(leg.id);
  if (result.retry) {
    // Not finished (Sautikit down or busy, or the placed call not yet recorded): the job worker
    // retries it with the same idempotency key, so the person is still called once.
    await enqueueJob({
      kind: DIAL_LEG_JOB,
      payload: { legId: leg.id },
      uniqueKey: `dial:${leg.idempotencyKey}`,
      runAt: new Date(Date.now() + (result.retryInMs ?? 1000)),
    });
    if (result.status === "failed")
      return { legId: leg.id, status: "queued" as const, heldBack: result.error?.code === "SAUTIKIT_UNAVAILABLE" };
  } else if (result.status === "failed" && result.error) throw result.error;
  return { legId: leg.id, status: result.status };
}

import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { jobsEnqueued } from "@/lib/jobs/wake";
import { assertOpen, findMeetingForActor } from "@/lib/meetings/meeting-scope";
import { createLegIfIdle, DIAL_LEG_JOB } from "@/lib/meetings/dial-participant";
import { requeueWaitingDial } from "@/lib/meetings/requeue-dial";
import { dialRatePerSecond } from "@/lib/meetings/dial-pace";
import { lockMeeting } from "@/lib/roster/recompute-roster";
import { notifyRosterChanged } from "@/lib/roster/roster-bus";
import { assertWithinBudget } from "@/lib/spend/assert-within-budget";
import { AppError } from "@/lib/errors";
import { findConnection, notConnected } from "@/lib/sautikit/connection";
import type { CallEveryoneResult } from "@/lib/shared/api-schemas";

/**
 * Under the meeting lock: one dial job per participant not already on a call, hosts first, the n-th
 * due n × ⌈1000 / rate⌉ ms from now. Also what "Call everyone at the start" runs
 * (lib/meetings/call-at-start.ts). Returns how many dials were queued.
 */
export async function queueDialsForEveryone(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  meetingId: string,
  ratePerSecond = dialRatePerSecond(workspaceId),
): Promise<number> {
  const spacingMs = Math.ceil(1000 / Math.max(1, ratePerSecond));
  const participants = await tx.participant.findMany({ where: { meetingId }, orderBy: { createdAt: "asc" } });
  participants.sort((a, b) => Number(b.role === "host") - Number(a.role === "host"));
  const now = Date.now();
  let i = 0;
  for (const p of participants) {
    const { leg, created } = await createLegIfIdle(tx, workspaceId, meetingId, p.id);
    const runAt = new Date(now + i * spacingMs);
    if (created)
      await enqueueJob(
        { kind: DIAL_LEG_JOB, payload: { legId: leg.id }, uniqueKey: `dial:${leg.idempotencyKey}`, runAt },
        tx,
      );
    else if (!(await requeueWaitingDial(tx, leg, runAt))) continue;
    i += 1;
  }
  return i;
}

/**
 * Queues a dial for everyone not already on a call, hosts first, as durable jobs spaced to the
 * workspace's API rate limit (a 429 still gets honoured through Retry-After). Progress is visible
 * in the roster as legs move from "Queued" onwards. People whose dial is still queued — held back
 * by an outage, or stalled because its job is gone — are queued again for now, under the same
 * key (so a call that did go out is not placed twice); people whose dial failed get a new attempt.
 * `heldBack`: Sautikit was not answering at the last try, so the calls go out once it is back.
 */
export async function callEveryone(
  actor: Actor,
  meetingId: string,
  ratePerSecond = dialRatePerSecond(actor.workspaceId),
): Promise<CallEveryoneResult> {
  const meeting = await findMeetingForActor(actor, meetingId);
  assertOpen(meeting, "callPeople");
  await assertWithinBudget(meeting.id, actor.workspaceId);
  // Refuse up front rather than queue dials that can only fail one by one.
  const conn = await findConnection(actor.workspaceId);
  if (!conn) throw notConnected();
  if (!conn.callerIdNumber) throw new AppError("SAUTIKIT_NOT_CONNECTED", "pickCallerId");
  const queued = await db.$transaction(async (tx) => {
    await lockMeeting(tx, meeting.id);
    return queueDialsForEveryone(tx, actor.workspaceId, meeting.id, ratePerSecond);
  });
  if (queued > 0) {
    // The first dial is due now; the worker finds each later one by its runAt.
    jobsEnqueued();
    notifyRosterChanged(meeting.id);
  }
  return { queued, heldBack: Boolean(conn.unreachableSince) };
}

import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { jobsEnqueued } from "@/lib/jobs/wake";
import { log } from "@/lib/log";
import { createLegIfIdle, DIAL_LEG_JOB } from "@/lib/meetings/dial-participant";
import { placeLegCall } from "@/lib/meetings/place-leg-call";
import { findLegForCall } from "@/lib/roster/find-leg";
import { lockMeeting, recordRosterEvents } from "@/lib/roster/recompute-roster";
import { notifyRosterChanged } from "@/lib/roster/roster-bus";

// Automatic re-dial after a network drop. A leg that was in a live meeting and ended with the
// network's cause (not the person's own hang-up, not a kick, not the meeting's end: the roster fold
// already tells those apart, so only endReason "dropped" qualifies) is called back a few seconds
// later with "You were cut off from <title>. Press 1 to rejoin." Exactly once per dropped leg, even
// with several app instances and duplicated or reordered events: the decision is taken under the
// meeting lock and stored as a fact keyed by the leg, and the call back is a durable job whose
// unique key is the dropped leg.

export const REDIAL_JOB = "meetings.redial-after-drop";
/** How long after the drop the person is called back (their phone needs a moment to recover). */
export const REDIAL_DELAY_MS = 2_000;
/** Automatic re-dials per person per meeting; after that the organiser can still press Call. */
export const MAX_AUTO_REDIALS = 2;

type Tx = Prisma.TransactionClient;
type Decision = { ok: true } | { ok: false; why: string };

/** Whether the dropped leg may still be called back, read under the meeting lock. */
async function mayRedial(tx: Tx, legId: string): Promise<Decision & { meetingId?: string; participantId?: string }> {
  const leg = await tx.leg.findUnique({ where: { id: legId }, include: { meeting: true } });
  if (!leg) return { ok: false, why: "leg gone" };
  const m = leg.meeting;
  if (!m.redialOnDrop) return { ok: false, why: "re-dial is off for this meeting" };
  if (m.status === "ended" || m.status === "cancelled") return { ok: false, why: "the meeting is over" };
  if (leg.endReason !== "dropped" && leg.endReason !== "dropped_calling_back")
    return { ok: false, why: `ended as ${leg.endReason ?? leg.state}` };
  if (!leg.participantId) return { ok: false, why: "a guest (no one to call back)" };
  if (!leg.joinedAt && !leg.waitingAt) return { ok: false, why: "never reached the room" };
  const back = await tx.leg.count({
    where: { meetingId: m.id, participantId: leg.participantId, state: { not: "left" } },
  });
  if (back > 0) return { ok: false, why: "already back" };
  const redials = await tx.leg.count({
    where: { meetingId: m.id, participantId: leg.participantId, purpose: "redial" },
  });
  if (redials >= MAX_AUTO_REDIALS) return { ok: false, why: `already re-dialled ${redials} times` };
  return { ok: true, meetingId: m.id, participantId: leg.participantId };
}

/**
 * Called after a network drop was applied to the roster (any instance, any number of times): marks
 * the leg "Dropped — calling back" and queues the call back, or does nothing.
 */
export async function scheduleRedialAfterDrop(
  workspaceId: string,
  call: { callId?: string; clientRequestId?: string },
): Promise<boolean> {
  // Read once without the lock to learn which meeting to lock, then again under it.
  const found = await findLegForCall(db, workspaceId, call.callId, call.clientRequestId);
  if (!found) return false;
  const runAt = new Date(Date.now() + REDIAL_DELAY_MS);
  const scheduled = await db.$transaction(async (tx) => {
    await lockMeeting(tx, found.meetingId);
    const leg = await findLegForCall(tx, workspaceId, call.callId, call.clientRequestId, found.meetingId);
    if (!leg) return false;
    const decision = await mayRedial(tx, leg.id);
    if (!decision.ok) {
      log.debug({ legId: leg.id, why: decision.why }, "no re-dial after drop");
      return false;
    }
    await recordRosterEvents(tx, workspaceId, found.meetingId, [
      { key: `redial-scheduled:${leg.id}`, kind: "redial.scheduled", legId: leg.id, at: Date.now() },
    ]);
    await enqueueJob({ kind: REDIAL_JOB, payload: { legId: leg.id }, uniqueKey: `redial:${leg.id}`, runAt }, tx);
    return true;
  });
  if (scheduled) {
    jobsEnqueued(runAt);
    notifyRosterChanged(found.meetingId);
  }
  return scheduled;
}

/** The job: checks again (the person may be back, the meeting over), then dials a "redial" leg. */
export async function redialDroppedLeg(droppedLegId: string): Promise<void> {
  const dropped = await db.leg.findUnique({
    where: { id: droppedLegId },
    select: { workspaceId: true, meetingId: true },
  });
  if (!dropped) return;
  const { workspaceId, meetingId } = dropped;
  const outcome = await db.$transaction(async (tx) => {
    await lockMeeting(tx, meetingId);
    // A retried job finds the leg it created last time (still live) and places that one.
    const earlier = await tx.rosterEvent.findUnique({
      where: { meetingId_key: { meetingId, key: `redial-leg:${droppedLegId}` } },
    });
    if (earlier?.legId) return { legId: earlier.legId, key: `dial:redial:${earlier.legId}` };
    const decision = await mayRedial(tx, droppedLegId);
    if (!decision.ok) {
      await recordRosterEvents(tx, workspaceId, meetingId, [
        { key: `redial-skipped:${droppedLegId}`, kind: "redial.skipped", legId: droppedLegId, at: Date.now() },
      ]);
      return { skipped: decision.why };
    }
    const { leg } = await createLegIfIdle(tx, workspaceId, meetingId, decision.participantId!, "redial");
    // The link from the dropped leg to its call back (no roster effect: the fold ignores this kind).
    await tx.rosterEvent.create({
      data: {
        workspaceId,
        meetingId,
        legId: leg.id,
        key: `redial-leg:${droppedLegId}`,
        kind: "redial.leg",
        at: new Date(),
        data: { droppedLegId },
      },
    });
    return { legId: leg.id, key: `dial:${leg.idempotencyKey}` };
  });
  notifyRosterChanged(meetingId);
  if ("skipped" in outcome) {
    log.info({ legId: droppedLegId, why: outcome.skipped }, "re-dial after drop skipped");
    return;
  }
  const result = await placeLegCall(outcome.legId);
  if (result.retry) {
    await enqueueJob({
      kind: DIAL_LEG_JOB,
      payload: { legId: outcome.legId },
      uniqueKey: outcome.key,
      runAt: new Date(Date.now() + (result.error?.retryAfter ?? 1) * 1000),
    });
  }
}

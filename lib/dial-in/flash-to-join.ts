import "server-only";
import { db } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { jobsEnqueued } from "@/lib/jobs/wake";
import { log } from "@/lib/log";
import type { VoiceResponse } from "@/lib/sautikit/contract/voice-actions";
import { findConnection } from "@/lib/sautikit/connection";
import { createLegIfIdle, DIAL_LEG_JOB } from "@/lib/meetings/dial-participant";
import { occupiedPlaces } from "@/lib/meetings/room-actions";
import { lockMeeting } from "@/lib/roster/recompute-roster";
import { notifyRosterChanged } from "@/lib/roster/roster-bus";
import { budgetStatus } from "@/lib/spend/assert-within-budget";

/**
 * Long enough for the rejected call to clear the caller's phone (a phone still ringing out answers
 * a new call busy), short enough to feel immediate.
 */
export const FLASH_CALLBACK_DELAY_MS = 3_000;

/** The answer to a flash: refuse before answering, so the caller is never billed. */
export const REJECT: VoiceResponse = { actions: [{ reject: { reason: "rejected" } }] };

/**
 * An invitee flashed the dial-in number of a live "call me back" meeting. Returns the reject answer
 * when a callback is (or already was) arranged, or null when the caller should be answered instead
 * (over budget, room locked or full, no caller-ID number): dialling in is then free for them anyway.
 *
 * Repeated flashes never produce two callbacks: the callback is the participant's next leg, created
 * under the meeting lock only when they have no live leg, and its dial job is unique per leg.
 */
export async function flashToJoin(
  workspaceId: string,
  meetingId: string,
  participantId: string,
  callId: string,
): Promise<VoiceResponse | null> {
  const conn = await findConnection(workspaceId);
  if (!conn?.callerIdNumber) return null;
  if ((await budgetStatus(meetingId, workspaceId)).reached) return null;

  const outcome = await db.$transaction(async (tx) => {
    await lockMeeting(tx, meetingId);
    const meeting = await tx.meeting.findFirstOrThrow({ where: { id: meetingId, workspaceId } });
    if (meeting.status !== "live" || meeting.locked) return null;
    const live = await tx.leg.findFirst({ where: { meetingId, participantId, state: { not: "left" } } });
    // A callback still on its way: this flash is a repeat. A leg already answered cannot be on this
    // phone (it is calling us), so it is stale; answer the call instead of waiting on it.
    if (live)
      return ["created", "dialling", "ringing"].includes(live.state) ? { legId: live.id, created: false } : null;
    if ((await occupiedPlaces(tx, meetingId, "")) >= meeting.capacity) return null;
    const { leg, created } = await createLegIfIdle(tx, workspaceId, meetingId, participantId);
    await enqueueJob(
      {
        kind: DIAL_LEG_JOB,
        payload: { legId: leg.id },
        uniqueKey: `flash:${leg.idempotencyKey}`,
        runAt: new Date(Date.now() + FLASH_CALLBACK_DELAY_MS),
      },
      tx,
    );
    await tx.auditLog.create({
      data: {
        workspaceId,
        actorId: null,
        action: "participant.flash_callback",
        target: leg.id,
        details: { flashCallId: callId },
      },
    });
    return { legId: leg.id, created };
  });
  if (!outcome) return null;
  if (outcome.created) {
    // Enqueued inside the transaction: wake this process's worker only now that it is committed.
    jobsEnqueued(new Date(Date.now() + FLASH_CALLBACK_DELAY_MS));
    notifyRosterChanged(meetingId);
  } else log.info({ meetingId, participantId, callId }, "repeat flash: a callback is already on its way");
  return REJECT;
}

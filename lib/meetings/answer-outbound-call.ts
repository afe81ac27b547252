import "server-only";
import { db } from "@/lib/db";
import { answerRepeatCallback } from "@/lib/meetings/answer-repeat-callback";
import { confirmStep, needsConfirmation } from "@/lib/meetings/confirm-answer";
import { log } from "@/lib/log";
import type { VoiceResponse } from "@/lib/sautikit/contract/voice-actions";
import type { VoiceCallback } from "@/lib/webhooks/payloads";
import { apologise, occupiedPlaces, roomActions } from "@/lib/meetings/room-actions";
import { bilingualRefusal } from "@/lib/meetings/prompts/bilingual";
import { promptsFor } from "@/lib/meetings/prompts/prompts-for";
import { findLegForCall } from "@/lib/roster/find-leg";
import { lockMeeting, recordRosterEvents } from "@/lib/roster/recompute-roster";
import { notifyRosterChanged } from "@/lib/roster/roster-bus";
import type { RosterEvent } from "@/lib/roster/roster-event";
import type { ParticipantRole } from "@/lib/shared/meeting-schemas";

/**
 * The answer to an outbound leg's voice callback: when the meeting confirms answers, first "press 1
 * to join" (lib/meetings/confirm-answer.ts; its digits come back to this same callback); then greet
 * and the room with the person's role settings; or an apology and hangup when the meeting is over,
 * full, or the call is not ours.
 * Never deduplicated: every callback is answered.
 */
export async function answerOutboundCall(workspaceId: string, cb: VoiceCallback): Promise<VoiceResponse> {
  const repeat = await answerRepeatCallback(workspaceId, cb);
  if (repeat) return repeat;
  const result = await db.$transaction(async (tx) => {
    const found = await findLegForCall(tx, workspaceId, cb.callId, cb.clientRequestId);
    // Not a call of ours: no meeting, so no language to choose.
    if (!found) return { response: bilingualRefusal((p) => p.meetingNotFound) };
    await lockMeeting(tx, found.meetingId);
    const leg = await tx.leg.findUniqueOrThrow({
      where: { id: found.id },
      include: { participant: true, meeting: true },
    });
    const meeting = leg.meeting;
    const p = promptsFor(meeting.language);

    if (meeting.status === "ended" || meeting.status === "cancelled")
      return { response: apologise(p.meetingEnded, p.language) };
    if (leg.state === "left" || !leg.participant) return { response: apologise(p.goodbye, p.language) };
    if (!leg.callId)
      await tx.leg.update({ where: { id: leg.id }, data: { callId: cb.callId, sessionId: cb.sessionId } });
    const confirmed: RosterEvent[] = [];
    if (needsConfirmation(meeting, leg)) {
      const step = await confirmStep(tx, workspaceId, meeting, leg, { callId: cb.callId, digits: cb.digits });
      if (step.kind === "reply") return { response: step.response, meetingId: meeting.id };
      confirmed.push(...step.facts);
    }
    if ((await occupiedPlaces(tx, meeting.id, leg.id)) >= meeting.capacity) {
      log.info({ meetingId: meeting.id, legId: leg.id }, "meeting full; caller turned away");
      return { response: apologise(p.meetingFull, p.language) };
    }
    // Taking the place now (under the meeting lock) is what makes the capacity check race-free.
    await recordRosterEvents(tx, workspaceId, meeting.id, [
      ...confirmed,
      { key: `answered:${cb.callId}`, kind: "call.answered", legId: leg.id, at: Date.now() },
    ]);
    const response = roomActions(meeting, {
      name: leg.participant.name,
      role: leg.participant.role as ParticipantRole,
    });
    return { response, meetingId: meeting.id };
  });
  if (result.meetingId) notifyRosterChanged(result.meetingId);
  return result.response;
}

import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import type { VoiceResponse } from "@/lib/sautikit/contract/voice-actions";
import type { VoiceCallback } from "@/lib/webhooks/payloads";
import { PIN_LENGTH } from "@/lib/meetings/pin";
import { forgetPinAttempts, recordWrongPin } from "@/lib/meetings/pin-attempts";
import { en } from "@/lib/meetings/prompts/en";
import { promptsFor } from "@/lib/meetings/prompts/prompts-for";
import { apologise, occupiedPlaces, roomActions } from "@/lib/meetings/room-actions";
import { lockMeeting, recordRosterEvents } from "@/lib/roster/recompute-roster";
import { notifyRosterChanged } from "@/lib/roster/roster-bus";
import type { ParticipantRole } from "@/lib/shared/meeting-schemas";

export const MAX_PIN_ATTEMPTS = 3;

// Prompts are nested in getDigits so a caller who already knows the PIN can type over them.
function askForPin(before?: string): VoiceResponse {
  const nested = [...(before ? [before] : []), en.enterPin].map((text) => ({ say: { text, language: en.language } }));
  return { actions: [{ getDigits: { numDigits: PIN_LENGTH + 1, finishOnKey: "#", timeout: 8, nested } }] };
}

/**
 * Someone dialled a workspace number: ask for the PIN, then admit them to the meeting it opens
 * (host PIN → host) — or turn them away politely (wrong PIN three times, locked, full, ended).
 */
export async function answerInboundCall(workspaceId: string, cb: VoiceCallback): Promise<VoiceResponse> {
  const conn = await db.sautikitConnection.findUnique({ where: { workspaceId }, select: { dialInNumber: true, callerIdNumber: true } });
  // The dialled number must be one of this workspace's; the URL alone proves nothing.
  if (!conn || !cb.to || (cb.to !== conn.dialInNumber && cb.to !== conn.callerIdNumber)) {
    log.warn({ workspaceId, to: cb.to }, "inbound call to a number this workspace does not use");
    return apologise(en.meetingNotFound, en.language);
  }
  if (cb.digits === undefined) return askForPin();

  const pin = cb.digits.replace(/#$/, "");
  const meeting = pin
    ? await db.meeting.findFirst({
        where: { workspaceId, status: { in: ["scheduled", "live"] }, OR: [{ pin }, { hostPin: pin }] },
      })
    : null;
  if (!meeting) {
    const tries = recordWrongPin(cb.callId);
    if (tries >= MAX_PIN_ATTEMPTS) return apologise(en.tooManyAttempts, en.language);
    return askForPin(en.wrongPin);
  }
  forgetPinAttempts(cb.callId);
  const isHost = meeting.hostPin === pin;
  const p = promptsFor(meeting.language);

  const result = await db.$transaction(async (tx) => {
    await lockMeeting(tx, meeting.id);
    const current = await tx.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    if (current.status === "ended" || current.status === "cancelled") return { response: apologise(p.meetingEnded, p.language) };
    if (current.locked && !isHost) return { response: apologise(p.meetingLocked, p.language) };
    const participant = cb.from ? await tx.participant.findFirst({ where: { meetingId: meeting.id, phoneE164: cb.from } }) : null;
    let leg = await tx.leg.findFirst({ where: { workspaceId, callId: cb.callId } });
    if (leg && leg.meetingId !== meeting.id) return { response: apologise(p.goodbye, p.language) };
    if ((await occupiedPlaces(tx, meeting.id, leg?.id ?? "")) >= current.capacity) return { response: apologise(p.meetingFull, p.language) };
    leg ??= await tx.leg.create({
      data: {
        workspaceId,
        meetingId: meeting.id,
        participantId: participant?.id ?? null,
        callId: cb.callId,
        sessionId: cb.sessionId,
        direction: "inbound",
        state: "created",
        fromE164: cb.from ?? null,
        toE164: cb.to ?? null,
        ratePerMinuteMinor: 0,
      },
    });
    await recordRosterEvents(tx, workspaceId, meeting.id, [{ key: `answered:${cb.callId}`, kind: "call.answered", legId: leg.id, at: Date.now() }]);
    const role: ParticipantRole = isHost ? "host" : ((participant?.role as ParticipantRole | undefined) ?? "participant");
    return { response: roomActions(current, { name: participant?.name ?? null, role }), meetingId: meeting.id };
  });
  if (result.meetingId) notifyRosterChanged(result.meetingId);
  return result.response;
}

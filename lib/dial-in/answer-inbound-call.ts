import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import type { VoiceResponse } from "@/lib/sautikit/contract/voice-actions";
import type { VoiceCallback } from "@/lib/webhooks/payloads";
import { admitCaller } from "@/lib/dial-in/admit-caller";
import { findInviteeMeeting, findMeetingByPin } from "@/lib/dial-in/find-meeting";
import { flashToJoin } from "@/lib/dial-in/flash-to-join";
import { forgetPinAttempts, isNumberBlocked, MAX_PIN_ATTEMPTS, recordWrongPin } from "@/lib/dial-in/pin-attempts";
import { askForPin, refuseUnidentified } from "@/lib/dial-in/pin-prompt";

/**
 * Someone dialled a workspace number. The first callback arrives while the call still rings:
 * - an invitee of a meeting live now (or opening within 15 minutes), recognised by caller ID, is
 *   greeted by name and admitted — or, for a live "call me back" meeting, rejected unanswered and
 *   called straight back (flash to join);
 * - anyone else is asked for the meeting PIN (or host PIN), three tries, then a polite goodbye (a
 *   number that keeps guessing wrong is turned away before it is asked again).
 * Voice callbacks are never deduplicated: the same body twice (the same wrong PIN) is two tries.
 */
export async function answerInboundCall(workspaceId: string, cb: VoiceCallback): Promise<VoiceResponse> {
  const conn = await db.sautikitConnection.findUnique({
    where: { workspaceId },
    select: { dialInNumber: true, callerIdNumber: true },
  });
  // The dialled number must be one of this workspace's; the URL alone proves nothing.
  if (!conn || !cb.to || (cb.to !== conn.dialInNumber && cb.to !== conn.callerIdNumber)) {
    log.warn({ workspaceId, to: cb.to }, "inbound call to a number this workspace does not use");
    return refuseUnidentified((p) => p.meetingNotFound);
  }

  if (cb.digits === undefined) {
    const invited = cb.from ? await findInviteeMeeting(workspaceId, cb.from) : null;
    if (!invited) return isNumberBlocked(cb.from) ? refuseUnidentified((p) => p.tooManyAttempts) : askForPin("first");
    const { meeting, participant } = invited;
    if (meeting.status === "live" && meeting.callMeBack) {
      const rejected = await flashToJoin(workspaceId, meeting.id, participant.id, cb.callId);
      if (rejected) return rejected;
    }
    return admitCaller(workspaceId, cb, meeting.id, { asHost: false, viaCallerId: true });
  }

  const pin = cb.digits.replace(/#$/, "");
  const found = pin ? await findMeetingByPin(workspaceId, pin) : null;
  if (!found) {
    const tries = recordWrongPin(cb.callId, cb.from);
    if (tries >= MAX_PIN_ATTEMPTS || isNumberBlocked(cb.from)) {
      forgetPinAttempts(cb.callId);
      return refuseUnidentified((p) => p.tooManyAttempts);
    }
    return askForPin(pin ? "wrong" : "none");
  }
  forgetPinAttempts(cb.callId);
  return admitCaller(workspaceId, cb, found.meeting.id, { asHost: found.asHost, viaCallerId: false });
}

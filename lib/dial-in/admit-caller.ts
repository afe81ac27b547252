import "server-only";
import { db } from "@/lib/db";
import type { VoiceResponse } from "@/lib/sautikit/contract/voice-actions";
import type { VoiceCallback } from "@/lib/webhooks/payloads";
import { promptsFor } from "@/lib/meetings/prompts/prompts-for";
import { apologise, occupiedPlaces, roomActions } from "@/lib/meetings/room-actions";
import { lockMeeting, recordRosterEvents } from "@/lib/roster/recompute-roster";
import { notifyRosterChanged } from "@/lib/roster/roster-bus";
import type { ParticipantRole } from "@/lib/shared/meeting-schemas";
import { admissionStage, spokenStartTime } from "@/lib/dial-in/admission-window";

export type Entry = {
  /** Entered the host PIN: admitted as host whoever they are. */
  asHost: boolean;
  /** Recognised by caller ID (no PIN): greeted by name with their role. */
  viaCallerId: boolean;
};

/**
 * Puts an identified inbound caller into a meeting, or turns them away with the one message that
 * fits (cancelled, ended, not started yet, locked, full), each followed by a hangup so nobody is
 * left in silence. All checks and the place in the room are taken under the meeting lock, so two
 * callers racing for the last place cannot both get it.
 */
export async function admitCaller(
  workspaceId: string,
  cb: VoiceCallback,
  meetingId: string,
  entry: Entry,
): Promise<VoiceResponse> {
  const result = await db.$transaction(async (tx) => {
    await lockMeeting(tx, meetingId);
    const meeting = await tx.meeting.findFirstOrThrow({ where: { id: meetingId, workspaceId } });
    const p = promptsFor(meeting.language);
    const refuse = (text: string) => ({ response: apologise(text, p.language) });

    const participant = cb.from ? await tx.participant.findFirst({ where: { meetingId, phoneE164: cb.from } }) : null;
    const role: ParticipantRole = entry.asHost
      ? "host"
      : ((participant?.role as ParticipantRole | undefined) ?? "participant");
    const isHost = role === "host";

    const stage = admissionStage(meeting, Date.now());
    if (stage === "cancelled") return refuse(p.meetingCancelled);
    if (stage === "ended") return refuse(p.meetingEnded);
    // A host may open the room early; everyone else waits for the 15-minute window.
    if (stage === "early" && !isHost)
      return refuse(p.meetingNotStarted(spokenStartTime(meeting.startsAt, meeting.timeZone, meeting.language)));
    if (meeting.locked && !isHost) return refuse(p.meetingLocked);

    let leg = await tx.leg.findFirst({ where: { workspaceId, callId: cb.callId } });
    if (leg && leg.meetingId !== meetingId) return refuse(p.goodbye);
    if ((await occupiedPlaces(tx, meetingId, leg?.id ?? "")) >= meeting.capacity) return refuse(p.meetingFull);

    leg ??= await tx.leg.create({
      data: {
        workspaceId,
        meetingId,
        participantId: participant?.id ?? null,
        callId: cb.callId,
        sessionId: cb.sessionId,
        direction: "inbound",
        state: "created",
        fromE164: cb.from ?? null,
        toE164: cb.to ?? null,
        // Dial-in legs are free to the workspace (inbound is not billed).
        ratePerMinuteMinor: 0,
        // Kept on the leg: the roster, the statement and the call log name them host from it.
        admittedRole: entry.asHost ? "host" : null,
      },
    });
    if (entry.asHost && leg.admittedRole !== "host")
      leg = await tx.leg.update({ where: { id: leg.id }, data: { admittedRole: "host" } });
    // Taking the place now, under the lock, is what makes the capacity check race-free.
    await recordRosterEvents(tx, workspaceId, meetingId, [
      { key: `answered:${cb.callId}`, kind: "call.answered", legId: leg.id, at: Date.now() },
    ]);
    const name = participant?.name ?? null;
    return { response: roomActions(meeting, { name, role }, { announceRole: entry.viaCallerId }), changed: true };
  });
  if ("changed" in result) notifyRosterChanged(meetingId);
  return result.response;
}

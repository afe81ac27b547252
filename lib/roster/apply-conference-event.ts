import "server-only";
import { db } from "@/lib/db";
import type { ConferenceEvent } from "@/lib/webhooks/payloads";
import type { RosterEvent } from "@/lib/roster/roster-event";
import { findLegForCall } from "@/lib/roster/find-leg";
import { recordRosterEvents } from "@/lib/roster/recompute-roster";
import { notifyRosterChanged } from "@/lib/roster/roster-bus";
import { captureRecording } from "@/lib/recordings/capture-recording";

export type ApplyOutcome = { applied: boolean; reason?: string };

/**
 * Applies one conference status event. The room name (which the app generated) must belong to the
 * workspace whose secret signed the event; legs are matched by call id / client_request_id.
 */
export async function applyConferenceEvent(workspaceId: string, ev: ConferenceEvent, eventKey: string): Promise<ApplyOutcome> {
  const meeting = await db.meeting.findFirst({ where: { workspaceId, roomName: ev.room }, select: { id: true } });
  if (!meeting) return { applied: false, reason: "unknown room" };
  const at = (ev.timestamp ?? new Date()).getTime();
  const base = { key: eventKey, at, ...(ev.sequence !== undefined ? { seq: ev.sequence } : {}) };

  const applied = await db.$transaction(async (tx) => {
    if (ev.event === "start" || ev.event === "end") {
      return recordRosterEvents(tx, workspaceId, meeting.id, [{ ...base, kind: ev.event === "start" ? "room.start" : "room.end" }]);
    }
    let leg = await findLegForCall(tx, workspaceId, ev.callId, ev.clientRequestId, meeting.id);
    if (!leg && ev.callId) {
      // A caller the app has no leg for (e.g. dialled in through another path): keep them visible.
      const participant = ev.caller ? await tx.participant.findFirst({ where: { meetingId: meeting.id, phoneE164: ev.caller } }) : null;
      leg = await tx.leg.create({
        data: { workspaceId, meetingId: meeting.id, participantId: participant?.id ?? null, callId: ev.callId, direction: "inbound", state: "answered", fromE164: ev.caller ?? null },
      });
    }
    if (!leg) return false;
    if (!leg.callId && ev.callId) await tx.leg.update({ where: { id: leg.id }, data: { callId: ev.callId } });
    const kind = ({ join: "room.join", leave: "room.leave", mute: "room.mute", unmute: "room.unmute" } as const)[ev.event];
    const fact = (kind === "room.join" ? { ...base, kind, legId: leg.id, muted: ev.muted } : { ...base, kind, legId: leg.id }) as RosterEvent;
    return recordRosterEvents(tx, workspaceId, meeting.id, [fact]);
  });
  if (ev.event === "end" && ev.recordingCallId) await captureRecording({ workspaceId, meetingId: meeting.id, callId: ev.recordingCallId, source: "conference.end" });
  if (applied) notifyRosterChanged(meeting.id);
  return { applied };
}

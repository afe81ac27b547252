import "server-only";
import type { ConferenceEvent } from "@/lib/webhooks/payloads";
import type { RosterEvent } from "@/lib/roster/roster-event";
import { captureRecording } from "@/lib/recordings/capture-recording";
import { applyRosterWork } from "@/lib/roster/roster-batch";
import { log } from "@/lib/log";
import { enforceModeration } from "@/lib/call-control/moderate-room";

export type ApplyOutcome = { applied: boolean; reason?: string };

const LEG_KINDS = { join: "room.join", leave: "room.leave", mute: "room.mute", unmute: "room.unmute" } as const;

/**
 * Applies one conference status event. The room name (which the app generated) must belong to the
 * workspace whose secret signed the event; legs are matched by call id / client_request_id. Events
 * arriving together are committed together (lib/roster/roster-batch.ts).
 */
export async function applyConferenceEvent(
  workspaceId: string,
  ev: ConferenceEvent,
  eventKey: string,
): Promise<ApplyOutcome> {
  const at = (ev.timestamp ?? new Date()).getTime();
  const base = { key: eventKey, at, ...(ev.sequence !== undefined ? { seq: ev.sequence } : {}) };
  const result =
    ev.event === "start" || ev.event === "end"
      ? await applyRosterWork({
          workspaceId,
          roomName: ev.room,
          fact: () => ({ ...base, kind: ev.event === "start" ? "room.start" : "room.end" }),
        })
      : await applyRosterWork({
          workspaceId,
          roomName: ev.room,
          leg: { callId: ev.callId, clientRequestId: ev.clientRequestId, createForCaller: { caller: ev.caller } },
          fact: (legId) => {
            const kind = LEG_KINDS[ev.event as keyof typeof LEG_KINDS];
            return (
              kind === "room.join" ? { ...base, kind, legId, muted: ev.muted } : { ...base, kind, legId }
            ) as RosterEvent;
          },
        });
  if (!result.meetingId) return { applied: false, reason: result.reason };
  // A newcomer, or an unmute, is checked against the moderation mode (ADR 0020): this settles a
  // mode switch that raced someone's answer or join, whatever order the events came in.
  if (result.applied && ev.callId && (ev.event === "join" || ev.event === "unmute")) {
    // The fact is stored either way; a failed command is logged, not retried through a redelivery.
    await enforceModeration(workspaceId, result.meetingId, {
      callIds: [ev.callId],
      unmuteInOpen: ev.event === "join",
    }).catch((e: unknown) =>
      log.warn({ err: e, meetingId: result.meetingId }, "moderation check after a room event failed"),
    );
  }
  if (ev.event === "end" && ev.recordingCallId) {
    await captureRecording({
      workspaceId,
      meetingId: result.meetingId,
      callId: ev.recordingCallId,
      source: "conference.end",
    });
  }
  return { applied: result.applied, ...(result.reason ? { reason: result.reason } : {}) };
}

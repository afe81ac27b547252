import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import type { VoiceResponse } from "@/lib/sautikit/contract/voice-actions";
import { isCommandUnsupported } from "@/lib/sautikit/client";
import { sautikitCodeOf } from "@/lib/sautikit/map-error";
import { getSautikitClient } from "@/lib/sautikit/connection";
import type { ConferenceDigits } from "@/lib/webhooks/payloads";
import { promptsFor } from "@/lib/meetings/prompts/prompts-for";
import { notifyRosterChanged } from "@/lib/roster/roster-bus";
import { endMeetingFromKeypad } from "@/lib/dial-in/end-meeting-from-keypad";
import { parseKeypadCommand } from "@/lib/dial-in/keypad";

const IN_ROOM = ["waiting", "in_call"];

/**
 * Keys a host pressed in the room (*5 lock/unlock, *6 mute/unmute everyone, *9 end the meeting).
 * Only host legs are given collectDigits, and the event is signed, so a digits event for a live leg
 * of this workspace's room comes from a host. The reply is spoken to the host alone. Events are
 * deduplicated upstream, so a redelivered *6 does not toggle twice.
 */
export async function applyHostKeypad(workspaceId: string, d: ConferenceDigits): Promise<VoiceResponse | void> {
  const meeting = await db.meeting.findFirst({ where: { workspaceId, roomName: d.room } });
  if (!meeting) throw new AppError("NOT_FOUND", "That room is not one of this workspace's meetings.");
  const leg = await db.leg.findFirst({ where: { workspaceId, meetingId: meeting.id, callId: d.callId } });
  if (!leg) throw new AppError("NOT_FOUND", "That call is not part of this meeting.");
  if (leg.state === "left" || meeting.status === "ended" || meeting.status === "cancelled") return;

  const p = promptsFor(meeting.language);
  const tell = (text: string): VoiceResponse => ({ actions: [{ say: { text, language: p.language } }] });
  const audit = (action: string) =>
    db.auditLog.create({
      data: { workspaceId, actorId: null, action, target: meeting.id, details: { via: "keypad", callId: d.callId } },
    });

  switch (parseKeypadCommand(d.digits)) {
    case "toggle-lock": {
      const locked = !meeting.locked;
      await db.meeting.update({ where: { id: meeting.id }, data: { locked } });
      await audit(locked ? "meeting.locked" : "meeting.unlocked");
      notifyRosterChanged(meeting.id);
      return tell(locked ? p.roomLocked : p.roomUnlocked);
    }
    case "toggle-mute-all": {
      const others = await db.leg.findMany({
        where: { meetingId: meeting.id, state: { in: IN_ROOM }, callId: { not: null }, id: { not: leg.id } },
        include: { participant: { select: { role: true } } },
      });
      // Hosts are never muted from the keypad, and listeners stay muted whatever happens.
      const speakers = others.filter((l) => l.participant?.role !== "host" && l.participant?.role !== "listener");
      const mute = speakers.some((l) => !l.muted) || speakers.length === 0;
      const targets = others.filter(
        (l) => l.participant?.role !== "host" && (mute ? !l.muted : l.muted && l.participant?.role !== "listener"),
      );
      const client = await getSautikitClient(workspaceId);
      const results = await Promise.allSettled(
        targets.map((l) => client.conferences.command(meeting.roomName, mute ? "mute" : "unmute", l.callId!)),
      );
      // A leg that left meanwhile is fine; anything else means the room did not do what the host asked.
      const failed = results.filter(
        (r) => r.status === "rejected" && sautikitCodeOf(r.reason) !== "conferences.not_live",
      );
      if (failed.length) {
        const unsupported = failed.some((r) => r.status === "rejected" && isCommandUnsupported(r.reason));
        log.warn({ meetingId: meeting.id, failed: failed.length, unsupported }, "keypad mute-all partly failed");
        return tell(p.keypadFailed);
      }
      await audit(mute ? "meeting.muted_all" : "meeting.unmuted_all");
      return tell(mute ? p.everyoneMuted : p.everyoneUnmuted);
    }
    case "end-meeting":
      await endMeetingFromKeypad(workspaceId, meeting.id, leg.id);
      return tell(p.endingMeeting);
    default:
      return tell(p.unknownKeypadCommand);
  }
}

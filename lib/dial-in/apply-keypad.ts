import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { VoiceResponse } from "@/lib/sautikit/contract/voice-actions";
import type { ConferenceDigits } from "@/lib/webhooks/payloads";
import { spokenKeyList } from "@/lib/meetings/prompts/key-list";
import { promptsFor } from "@/lib/meetings/prompts/prompts-for";
import { notifyRosterChanged } from "@/lib/roster/roster-bus";
import { recordRosterEvents } from "@/lib/roster/recompute-roster";
import { endMeetingFromKeypad } from "@/lib/dial-in/end-meeting-from-keypad";
import { extendMeetingFromKeypad } from "@/lib/call-control/extend-meeting";
import {
  IN_ROOM,
  legRole,
  letSpeak,
  mayTalk,
  modeOf,
  sendMutes,
  setHand,
  setModeration,
} from "@/lib/call-control/moderate-room";
import { nextModerationMode, parsePhoneKeys } from "@/lib/shared/phone-keys";

/** How long "press star 3 again" waits for the second *3. */
export const END_CONFIRM_MS = 30_000;

/**
 * Keys pressed in the room, by anyone (the one key map: lib/shared/phone-keys.ts, ADR 0020). Every
 * leg collects keys, so the leg's role decides what a key may do; the reply is spoken to that
 * caller alone. Events are deduplicated upstream (by event id), so a redelivered *9 does not
 * toggle twice.
 */
export async function applyKeypad(
  workspaceId: string,
  d: ConferenceDigits,
  eventKey: string,
): Promise<VoiceResponse | void> {
  const meeting = await db.meeting.findFirst({ where: { workspaceId, roomName: d.room } });
  if (!meeting) throw new AppError("NOT_FOUND", "roomNotInWorkspace");
  const leg = await db.leg.findFirst({
    where: { workspaceId, meetingId: meeting.id, callId: d.callId },
    include: { participant: { select: { role: true } } },
  });
  if (!leg) throw new AppError("NOT_FOUND", "callNotInMeeting");
  if (!IN_ROOM.includes(leg.state) || meeting.status === "ended" || meeting.status === "cancelled") return;

  const p = promptsFor(meeting.language);
  const tell = (...texts: string[]): VoiceResponse => ({
    actions: texts.map((text) => ({ say: { text, language: p.language } })),
  });
  const audit = (action: string) =>
    db.auditLog.create({
      data: { workspaceId, actorId: null, action, target: meeting.id, details: { via: "keypad", callId: d.callId } },
    });
  const isHost = legRole(leg) === "host";
  const key = parsePhoneKeys(d.digits);
  if (!key) return tell(p.unknownKeypadCommand);
  if (key.hostOnly && !isHost) return tell(p.hostOnlyKey);

  switch (key.action) {
    case "toggle-self-mute": {
      if (!leg.muted)
        return tell(
          (await sendMutes(workspaceId, meeting.id, meeting.roomName, [{ callId: d.callId, mute: true }]))
            ? p.mutedSelf
            : p.keypadFailed,
        );
      if (legRole(leg) === "listener") return tell(p.listenerStaysMuted);
      if (!mayTalk(modeOf(meeting), leg)) return tell(p.selfUnmuteRefused);
      const ok = await sendMutes(workspaceId, meeting.id, meeting.roomName, [{ callId: d.callId, mute: false }]);
      return tell(ok ? p.unmutedSelf : p.keypadFailed);
    }
    case "toggle-hand": {
      const up = await setHand(workspaceId, meeting.id, leg.id, null, d.timestamp?.getTime());
      return tell(up ? p.handRaised : p.handLowered);
    }
    case "head-count":
      return tell(p.headCount(await db.leg.count({ where: { meetingId: meeting.id, state: { in: IN_ROOM } } })));
    case "key-list":
      return tell(...spokenKeyList(p, { everyone: true, host: isHost }));
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
      // Hosts are never muted from the keypad; listeners, and anyone the mode keeps quiet, stay muted.
      const mode = modeOf(meeting);
      const speakers = others.filter((l) => mayTalk(mode, l) && legRole(l) !== "host");
      const mute = speakers.some((l) => !l.muted) || speakers.length === 0;
      const targets = mute ? others.filter((l) => legRole(l) !== "host" && !l.muted) : speakers.filter((l) => l.muted);
      const ok = await sendMutes(
        workspaceId,
        meeting.id,
        meeting.roomName,
        targets.map((l) => ({ callId: l.callId!, mute })),
      );
      if (!ok) return tell(p.keypadFailed);
      await audit(mute ? "meeting.muted_all" : "meeting.unmuted_all");
      return tell(mute ? p.everyoneMuted : p.everyoneUnmuted);
    }
    case "next-hand": {
      const next = await db.leg.findFirst({
        where: { meetingId: meeting.id, state: { in: IN_ROOM }, handRaisedAt: { not: null } },
        orderBy: [{ handRaisedAt: "asc" }, { id: "asc" }],
      });
      if (!next) return tell(p.noHandsRaised);
      await letSpeak(workspaceId, meeting.id, next.id);
      await audit("participant.let_speak");
      return tell(p.nextHandSpeaking);
    }
    case "next-mode": {
      const mode = await setModeration(workspaceId, meeting.id, nextModerationMode(modeOf(meeting)));
      await audit(`meeting.moderation_${mode}`);
      return tell(p.modeNow[mode]);
    }
    case "extend-meeting":
      // Moves the meeting's hard stop (bounded by the workspace maximum); the reply goes to this caller.
      return extendMeetingFromKeypad(workspaceId, meeting, leg.id);
    case "end-meeting": {
      // The first *3 only asks; a second *3 from the same phone within the window ends the meeting.
      const asked = await db.rosterEvent.findFirst({
        where: {
          meetingId: meeting.id,
          legId: leg.id,
          kind: "keypad.end-asked",
          at: { gte: new Date(Date.now() - END_CONFIRM_MS) },
        },
      });
      if (!asked) {
        await db.$transaction((tx) =>
          recordRosterEvents(tx, workspaceId, meeting.id, [
            { key: `end-asked:${eventKey}`, kind: "keypad.end-asked", legId: leg.id, at: Date.now() },
          ]),
        );
        return tell(p.confirmEnd);
      }
      await endMeetingFromKeypad(workspaceId, meeting.id, leg.id);
      return tell(p.endingMeeting);
    }
  }
}

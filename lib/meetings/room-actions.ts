import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { VoiceAction, VoiceResponse } from "@/lib/sautikit/contract/voice-actions";
import { conferenceEventsUrl, holdMusicUrl } from "@/lib/meetings/callback-urls";
import { promptsFor } from "@/lib/meetings/prompts/prompts-for";
import { conferenceDigitsUrl } from "@/lib/dial-in/urls";
import { voiceResponse } from "@/lib/sautikit/voice-actions";
import type { ParticipantRole } from "@/lib/shared/meeting-schemas";

export type MeetingForRoom = {
  id: string;
  workspaceId: string;
  title: string;
  roomName: string;
  language: string;
  waitForHost: boolean;
  endOnHostExit: boolean;
  beep: boolean;
  record: boolean;
  capacity: number;
  status: string;
  /** Who may talk (lib/shared/phone-keys.ts); a newcomer joins muted unless everyone may. */
  moderation: string;
  startedAt: Date | null;
};

/** Leg states that hold (or are about to take) a place in the room. */
export const PLACE_HOLDING_STATES = ["answered", "waiting", "in_call"] as const;

/** Legs that hold (or are about to take) a place in the room. */
export async function occupiedPlaces(
  tx: Prisma.TransactionClient,
  meetingId: string,
  exceptLegId: string,
): Promise<number> {
  return tx.leg.count({ where: { meetingId, id: { not: exceptLegId }, state: { in: [...PLACE_HOLDING_STATES] } } });
}

export function say(text: string, language: string): VoiceAction {
  return { say: { text, language } };
}

// Answers are built through voiceResponse(): checked here, once, and marked so the pipeline's last
// check (tryVoiceResponse) does not parse them again (ADR 0024).
export function apologise(text: string, language: string): VoiceResponse {
  return voiceResponse([say(text, language), { hangup: {} }]);
}

/**
 * Greets the caller in the meeting's language and puts them in the room with their role's
 * settings. The caller's place must already be checked against capacity (Sautikit would leave an
 * over-capacity caller stalled in silence, so the app never lets one reach the room).
 */
export function roomActions(
  meeting: MeetingForRoom,
  person: { name: string | null; role: ParticipantRole },
  opts: { announceRole?: boolean } = {},
): VoiceResponse {
  const p = promptsFor(meeting.language);
  const isHost = person.role === "host";
  const startsRoom = isHost || !meeting.waitForHost;
  const actions: VoiceAction[] = [
    say(person.name ? p.greeting(person.name, meeting.title) : p.guestGreeting(meeting.title), p.language),
  ];
  if (isHost) actions.push(say(meeting.waitForHost ? p.joiningAsHost : p.youAreHost, p.language));
  // Hosts on a phone with no data run the room from the keypad (lib/dial-in/apply-keypad.ts): they
  // hear the short hint below like everyone; the whole host key list is one *0 away, not said on
  // every join (it held each host out of the room for several seconds).
  if (person.role === "listener") actions.push(say(p.joiningAsListener, p.language));
  if (person.role === "participant" && opts.announceRole) actions.push(say(p.joiningAsParticipant, p.language));
  if (!startsRoom && !meeting.startedAt) actions.push(say(p.waitingForHost, p.language));
  actions.push(say(p.keyHint, p.language));
  // Said last, right before the room, so nobody enters a recorded room without hearing it (the Kenyan
  // Data Protection Act asks for notice before recording; ADR 0021).
  if (meeting.record) actions.push(say(p.recordingNotice, p.language));
  actions.push({
    conference: {
      name: meeting.roomName,
      startOnEnter: startsRoom,
      endOnExit: isHost && meeting.endOnHostExit,
      beep: meeting.beep,
      // Presentation and Q&A: only hosts talk until given the floor (ADR 0020). A switch that
      // races this answer is settled when the join event arrives (lib/call-control/enforce-moderation.ts).
      muted: person.role === "listener" || (!isHost && meeting.moderation !== "open"),
      record: meeting.record,
      ...(startsRoom ? {} : { waitUrl: holdMusicUrl() }),
      statusEventsCallbackUrl: conferenceEventsUrl(meeting.workspaceId, meeting.id),
      statusEvents: "start end join leave mute unmute",
      // Everyone's keys are collected (lib/shared/phone-keys.ts): two at a time and no finish key,
      // so "*#" arrives whole; the leg's role decides what a key may do.
      collectDigits: true,
      numDigits: 2,
      finishOnKey: "",
      digitsCallbackUrl: conferenceDigitsUrl(meeting.workspaceId, meeting.id),
    },
  });
  return voiceResponse(actions);
}

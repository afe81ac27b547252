import type { ModerationMode, PhoneKeyAction } from "@/lib/shared/phone-keys";

// What the caller hears. One catalogue per language; every catalogue provides every prompt.
export type PromptCatalogue = {
  /** BCP-47 tag sent with each Say action. */
  language: string;
  greeting(name: string, title: string): string;
  guestGreeting(title: string): string;
  joiningAsHost: string;
  joiningAsListener: string;
  waitingForHost: string;
  meetingFull: string;
  meetingLocked: string;
  meetingEnded: string;
  meetingNotFound: string;
  enterPin: string;
  wrongPin: string;
  tooManyAttempts: string;
  goodbye: string;
  // Dial-in (lib/dial-in): identification, refusals and the host's keypad controls.
  youAreHost: string;
  joiningAsParticipant: string;
  noPinEntered: string;
  meetingCancelled: string;
  meetingNotStarted(startsAt: string): string;
  /** A wall-clock time as a caller would say it (24-hour digits in English, Swahili time in Swahili). */
  clock(hour: number, minute: number): string;
  roomLocked: string;
  roomUnlocked: string;
  everyoneMuted: string;
  everyoneUnmuted: string;
  endingMeeting: string;
  unknownKeypadCommand: string;
  keypadFailed: string;
  // The phone keys (lib/shared/phone-keys.ts, ADR 0020): how keys are read aloud, what each does.
  keyWords: { star: string; hash: string };
  keyActions: Record<PhoneKeyAction, string>;
  /** Lead-in to the spoken key list: everyone's keys, then (for a host) the host's. */
  keyListIntro: string;
  hostKeyListIntro: string;
  /** Said to everyone on entering the room. */
  keyHint: string;
  mutedSelf: string;
  unmutedSelf: string;
  /** *6 refused: the mode lets only hosts and chosen speakers talk. */
  selfUnmuteRefused: string;
  listenerStaysMuted: string;
  handRaised: string;
  handLowered: string;
  headCount(count: number): string;
  hostOnlyKey: string;
  noHandsRaised: string;
  nextHandSpeaking: string;
  modeNow: Record<ModerationMode, string>;
  confirmEnd: string;
  // When the app cannot answer a call properly (the webhook lane's fallback; lib/webhooks/dispatch.ts).
  technicalProblem: string;
  // Answer confirmation and re-dials (lib/meetings/confirm-answer.ts).
  confirmJoin(name: string, title: string): string;
  confirmRejoin(title: string): string;
  confirmDeclined: string;
  confirmNoResponse: string;
  // Recording notice and time limits (ADR 0021): heard before the room, and by a host who extends.
  recordingNotice: string;
  meetingExtended(addedMinutes: number, minutesLeft: number): string;
  extendAtMaximum: string;
  extendNotLive: string;
  // Voice reminders before the start (lib/meetings/send-reminders.ts): how the person can get in.
  reminder(title: string, minutes: number, then: ReminderEnding): string;
};

/** How a reminder ends: we call at the start, or here is the number and PIN, or nothing more. */
export type ReminderEnding =
  { kind: "callAtStart" } | { kind: "dialIn"; number: string; pin: string } | { kind: "none" };

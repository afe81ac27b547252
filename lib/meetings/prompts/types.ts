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
  hostKeypadHelp: string;
  noPinEntered: string;
  meetingCancelled: string;
  meetingNotStarted(startsAt: string): string;
  roomLocked: string;
  roomUnlocked: string;
  everyoneMuted: string;
  everyoneUnmuted: string;
  endingMeeting: string;
  unknownKeypadCommand: string;
  keypadFailed: string;
  // When the app cannot answer a call properly (the webhook lane's fallback; lib/webhooks/dispatch.ts).
  technicalProblem: string;
  // Answer confirmation and re-dials (lib/meetings/confirm-answer.ts).
  confirmJoin(name: string, title: string): string;
  confirmRejoin(title: string): string;
  confirmDeclined: string;
  confirmNoResponse: string;
  // Voice reminders before the start (lib/meetings/send-reminders.ts): how the person can get in.
  reminder(title: string, minutes: number, then: ReminderEnding): string;
};

/** How a reminder ends: we call at the start, or here is the number and PIN, or nothing more. */
export type ReminderEnding =
  { kind: "callAtStart" } | { kind: "dialIn"; number: string; pin: string } | { kind: "none" };

import type { PromptCatalogue } from "@/lib/meetings/prompts/types";
import { spokenDigits } from "@/lib/meetings/prompts/spoken";

export const en: PromptCatalogue = {
  language: "en-KE",
  greeting: (name, title) => `Hello ${name}. You are joining the meeting: ${title}.`,
  guestGreeting: (title) => `Welcome. You are joining the meeting: ${title}.`,
  joiningAsHost: "You are the host. The meeting starts now.",
  joiningAsListener: "You are joining as a listener. Your line is muted.",
  waitingForHost: "Please hold. The meeting will start when the host joins.",
  meetingFull: "Sorry, this meeting is full. Please contact the organiser. Goodbye.",
  meetingLocked: "Sorry, this meeting is locked and is not accepting new callers. Goodbye.",
  meetingEnded: "This meeting has ended. Thank you. Goodbye.",
  meetingNotFound: "Sorry, we could not find that meeting. Goodbye.",
  enterPin: "Welcome to Mkutano. Please enter your meeting PIN, followed by the hash key.",
  wrongPin: "That PIN was not recognised. Please try again.",
  tooManyAttempts: "Sorry, that PIN was not recognised. Goodbye.",
  goodbye: "Goodbye.",
  youAreHost: "You are the host.",
  joiningAsParticipant: "You are joining as a participant.",
  hostKeypadHelp: "Host keys: star 5 to lock or unlock, star 6 to mute or unmute everyone, star 9 to end the meeting.",
  noPinEntered: "We did not receive a PIN. Please enter your meeting PIN, followed by the hash key.",
  meetingCancelled: "Sorry, this meeting has been cancelled. Please contact the organiser. Goodbye.",
  meetingNotStarted: (startsAt) =>
    `This meeting has not started yet. It starts at ${startsAt}. Please call back then. Goodbye.`,
  roomLocked: "The meeting is now locked. New callers cannot join.",
  roomUnlocked: "The meeting is now unlocked. New callers can join.",
  everyoneMuted: "Everyone else is now muted.",
  everyoneUnmuted: "Everyone can now speak.",
  endingMeeting: "Ending the meeting for everyone. Goodbye.",
  unknownKeypadCommand:
    "Sorry, that key is not a command. Press star 5 to lock, star 6 to mute everyone, or star 9 to end the meeting.",
  keypadFailed: "Sorry, that did not work. Please try again.",
  technicalProblem: "Sorry, we are having a technical problem. Please try again later. Goodbye.",
  confirmJoin: (name, title) => `Hello ${name}, this is Mkutano calling you into ${title}. Press 1 to join.`,
  confirmRejoin: (title) => `You were cut off from ${title}. Press 1 to rejoin.`,
  confirmDeclined: "Okay, we will not connect you. Goodbye.",
  confirmNoResponse: "We did not hear a key press, so we will not connect you. Thank you, goodbye.",
  reminder: (title, minutes, then) =>
    `${title} starts in ${minutes} ${minutes === 1 ? "minute" : "minutes"}. Press 1 to join now and wait for the host` +
    (then.kind === "callAtStart"
      ? ", or hang up and we will call you at the start."
      : then.kind === "dialIn"
        ? `, or call ${spokenDigits(then.number)} with PIN ${spokenDigits(then.pin)} when it starts.`
        : "."),
};

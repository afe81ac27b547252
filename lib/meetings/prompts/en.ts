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
  noPinEntered: "We did not receive a PIN. Please enter your meeting PIN, followed by the hash key.",
  meetingCancelled: "Sorry, this meeting has been cancelled. Please contact the organiser. Goodbye.",
  meetingNotStarted: (startsAt) =>
    `This meeting has not started yet. It starts at ${startsAt}. Please call back then. Goodbye.`,
  clock: (hour, minute) => `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`,
  roomLocked: "The meeting is now locked. New callers cannot join.",
  roomUnlocked: "The meeting is now unlocked. New callers can join.",
  everyoneMuted: "Everyone else is now muted.",
  everyoneUnmuted: "Everyone can now speak.",
  endingMeeting: "Ending the meeting for everyone. Goodbye.",
  unknownKeypadCommand: "Sorry, that is not a phone key. Press star 0 to hear the keys.",
  keypadFailed: "Sorry, that did not work. Please try again.",
  keyWords: { star: "star", hash: "hash" },
  keyActions: {
    "toggle-self-mute": "to mute or unmute yourself",
    "toggle-hand": "to raise or lower your hand",
    "head-count": "to hear how many people are here",
    "key-list": "to hear these keys",
    "toggle-mute-all": "to mute or unmute everyone else",
    "next-hand": "to let the next raised hand speak",
    "next-mode": "to switch between open, presentation and question mode",
    "toggle-lock": "to lock or unlock the meeting",
    "extend-meeting": "to extend the meeting",
    "end-meeting": "to end the meeting",
  },
  keyListIntro: "Phone keys:",
  hostKeyListIntro: "Host keys:",
  keyHint: "Press star 0 at any time to hear the phone keys.",
  mutedSelf: "You are muted.",
  unmutedSelf: "You are unmuted. You can speak now.",
  selfUnmuteRefused: "Only the hosts and chosen speakers can talk now. Press star 9 to raise your hand.",
  listenerStaysMuted: "You joined as a listener, so your line stays muted.",
  handRaised: "Your hand is raised. The host will let you speak.",
  handLowered: "Your hand is lowered.",
  headCount: (count) =>
    count === 1 ? "You are the only person in the meeting." : `There are ${count} people in the meeting.`,
  hostOnlyKey: "Sorry, that key is for hosts. Press star 0 to hear your keys.",
  noHandsRaised: "No hands are raised.",
  nextHandSpeaking: "The next person in the queue can now speak.",
  modeNow: {
    open: "Open mode: everyone can talk.",
    presentation: "Presentation mode: only the hosts and chosen speakers can talk.",
    qa: "Question mode: everyone is muted. Press star 9 to ask a question.",
  },
  confirmEnd: "To end the meeting for everyone, press star 3 again.",
  technicalProblem: "Sorry, we are having a technical problem. Please try again later. Goodbye.",
  confirmJoin: (name, title) => `Hello ${name}, this is Mkutano calling you into ${title}. Press 1 to join.`,
  confirmRejoin: (title) => `You were cut off from ${title}. Press 1 to rejoin.`,
  confirmDeclined: "Okay, we will not connect you. Goodbye.",
  confirmNoResponse: "We did not hear a key press, so we will not connect you. Thank you, goodbye.",
  recordingNotice: "This meeting is being recorded.",
  meetingExtended: (added, left) =>
    `The meeting has been extended by ${added} ${added === 1 ? "minute" : "minutes"}. It now ends in ${left} ${left === 1 ? "minute" : "minutes"}.`,
  extendAtMaximum: "The meeting cannot be extended: it has reached the longest time allowed.",
  extendNotLive: "The meeting can only be extended once it has started.",
  reminder: (title, minutes, then) =>
    `${title} starts in ${minutes} ${minutes === 1 ? "minute" : "minutes"}. Press 1 to join now and wait for the host` +
    (then.kind === "callAtStart"
      ? ", or hang up and we will call you at the start."
      : then.kind === "dialIn"
        ? `, or call ${spokenDigits(then.number)} with PIN ${spokenDigits(then.pin)} when it starts.`
        : "."),
};

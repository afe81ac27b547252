import type { PromptCatalogue } from "@/lib/meetings/prompts/types";

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
};

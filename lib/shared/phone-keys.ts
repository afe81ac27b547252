// The one phone key map (ADR 0020): what a key does in the room, and who may press it. The keypad
// handler (lib/dial-in/apply-keypad.ts), the spoken key list, the meeting page's "Phone keys"
// section, the invite text and the .ics are all made from this list, so they cannot disagree.
// Isomorphic: the meeting page renders it.

export const moderationModes = ["open", "presentation", "qa"] as const;
export type ModerationMode = (typeof moderationModes)[number];

export type PhoneKeyAction =
  | "toggle-self-mute"
  | "toggle-hand"
  | "head-count"
  | "key-list"
  | "toggle-mute-all"
  | "next-mode"
  | "end-meeting"
  | "extend-meeting"
  | "toggle-lock"
  | "next-hand";

export type PhoneKey = { keys: string; action: PhoneKeyAction; hostOnly: boolean };

/** Everyone's keys first (the ones people know from Zoom and Teams), then the host's. */
export const PHONE_KEYS: readonly PhoneKey[] = [
  { keys: "*6", action: "toggle-self-mute", hostOnly: false },
  { keys: "*9", action: "toggle-hand", hostOnly: false },
  { keys: "*#", action: "head-count", hostOnly: false },
  { keys: "*0", action: "key-list", hostOnly: false },
  { keys: "*5", action: "toggle-mute-all", hostOnly: true },
  { keys: "*8", action: "next-hand", hostOnly: true },
  { keys: "*2", action: "next-mode", hostOnly: true },
  { keys: "*7", action: "toggle-lock", hostOnly: true },
  { keys: "*4", action: "extend-meeting", hostOnly: true },
  { keys: "*3", action: "end-meeting", hostOnly: true },
];

/**
 * The room collects two keys at a time with no finish key (`numDigits: 2`, `finishOnKey: ""`), so
 * `*#` arrives whole. Returns the key entry, or null for anything that is not in the map (the caller
 * then hears a short hint).
 */
export function parsePhoneKeys(digits: string): PhoneKey | null {
  return PHONE_KEYS.find((k) => k.keys === digits) ?? null;
}

/** The mode `*2` switches to: Open → Presentation → Q&A → Open. */
export function nextModerationMode(mode: ModerationMode): ModerationMode {
  return moderationModes[(moderationModes.indexOf(mode) + 1) % moderationModes.length]!;
}

export function isModerationMode(v: string): v is ModerationMode {
  return (moderationModes as readonly string[]).includes(v);
}

/** How a key is read aloud or printed: "*6" → "star 6", "*#" → "star hash" (the words come from the caller). */
export function spokenKeys(keys: string, words: { star: string; hash: string }): string {
  return keys
    .split("")
    .map((c) => (c === "*" ? words.star : c === "#" ? words.hash : c))
    .join(" ");
}

// Host keypad commands, pressed in the room. Pure: parsing is unit-tested apart from the room.

export type KeypadCommand = "toggle-lock" | "toggle-mute-all" | "end-meeting";

const COMMANDS: Record<string, KeypadCommand> = { "5": "toggle-lock", "6": "toggle-mute-all", "9": "end-meeting" };

/**
 * The command in a burst of keys, or null. The room collects two keys at a time (or up to "#" or a
 * pause), so a stray key before the star is tolerated: the last star-digit pair wins.
 */
export function parseKeypadCommand(digits: string): KeypadCommand | null {
  const m = /\*([0-9])#?$/.exec(digits);
  return m ? (COMMANDS[m[1]!] ?? null) : null;
}

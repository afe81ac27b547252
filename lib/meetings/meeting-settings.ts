import type { Meeting } from "@/lib/generated/prisma/client";

// A meeting's own settings: how the room behaves and whom Mkutano calls when, apart from what,
// when and for how long. The browser's view shows them and the next occurrence of a weekly series
// copies them, so both take this one list (a new setting added here reaches both).

export const MEETING_SETTINGS = [
  "waitForHost",
  "endOnHostExit",
  "beep",
  "capacity",
  "record",
  "language",
  "callMeBack",
  "confirmAnswer",
  "redialOnDrop",
  "callAtStart",
  "remindByCall",
  "reminderMinutes",
] as const satisfies readonly (keyof Meeting)[];

export type MeetingSettings = Pick<Meeting, (typeof MEETING_SETTINGS)[number]>;

export function pickMeetingSettings(m: MeetingSettings): MeetingSettings {
  return Object.fromEntries(MEETING_SETTINGS.map((key) => [key, m[key]])) as MeetingSettings;
}

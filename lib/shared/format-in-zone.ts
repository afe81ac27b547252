// A meeting's time in a given zone; isomorphic. Its own module so a client island that only shows
// a time (components/meetings/viewer-time.tsx) does not ship the zone arithmetic in meeting-time.ts.

/** Day, short month, year and 24-hour time: how the app writes a moment, in every zone and language. */
export const DATE_TIME_PARTS = {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
} as const satisfies Intl.DateTimeFormatOptions;

export function formatInZone(date: Date, timeZone: string, locale = "en-KE"): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: "short",
    ...DATE_TIME_PARTS,
    timeZoneName: "short",
  }).format(date);
}

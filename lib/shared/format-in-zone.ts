// A meeting's time in a given zone; isomorphic. Its own module so a client island that only shows
// a time (components/meetings/viewer-time.tsx) does not ship the zone arithmetic in meeting-time.ts.

export function formatInZone(date: Date, timeZone: string, locale = "en-KE"): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).format(date);
}

// Formatting a meeting's time in its own zone and in the viewer's; isomorphic.

export { formatInZone } from "@/lib/shared/format-in-zone";

/** Converts a wall-clock time ("2026-12-01T09:30") in `timeZone` to the UTC instant. */
export function zonedWallTimeToUtc(wallTime: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wallTime);
  if (!m) throw new RangeError("Expected YYYY-MM-DDTHH:mm");
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes settle DST edges: the zone's offset at the guessed instant, then at the corrected one.
  let ts = guess - offsetMinutes(new Date(guess), timeZone) * 60_000;
  ts = guess - offsetMinutes(new Date(ts), timeZone) * 60_000;
  return new Date(ts);
}

/** The wall-clock "YYYY-MM-DDTHH:mm" of an instant in `timeZone` (for datetime-local inputs). */
export function utcToZonedWallTime(date: Date, timeZone: string): string {
  const parts = partsInZone(date, timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}T${pad(parts.hour)}:${pad(parts.minute)}`;
}

function offsetMinutes(date: Date, timeZone: string): number {
  const p = partsInZone(date, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

function partsInZone(date: Date, timeZone: string) {
  const fmt = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  });
  const get = (type: string) => Number(fmt.formatToParts(date).find((p) => p.type === type)?.value);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

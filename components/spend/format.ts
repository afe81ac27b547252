// Display helpers for money, durations and times; isomorphic and deterministic (fixed time zone),
// so server and browser render the same text.

export { formatDuration, formatKes } from "@/lib/shared/cost";

const dateTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Africa/Nairobi",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const dateTimeSeconds = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Africa/Nairobi",
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});
const time = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Africa/Nairobi",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

export function formatDateTime(value: string | number | Date | null, opts: { seconds?: boolean } = {}): string {
  if (value === null) return "—";
  return `${(opts.seconds ? dateTimeSeconds : dateTime).format(new Date(value))} EAT`;
}

export function formatTime(value: string | number | Date | null): string {
  if (value === null) return "—";
  return time.format(new Date(value));
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return "—";
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "12.50" (KES) → 1250 minor units; null for an empty or invalid amount. */
export function parseKesToMinor(text: string): number | null {
  const t = text.trim().replace(/,/g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  return Math.round(Number(t) * 100);
}

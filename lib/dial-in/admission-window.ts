// When a dial-in caller may enter a meeting. Pure, so the rules are unit-tested on their own.
import { promptsFor } from "@/lib/meetings/prompts/prompts-for";

/** Callers may join this long before the start (and invitees are recognised by caller ID). */
export const EARLY_JOIN_MS = 15 * 60_000;

export type MeetingTiming = { status: string; startsAt: Date; durationMinutes: number; locked?: boolean };

export type AdmissionStage = "open" | "early" | "late" | "ended" | "cancelled";

/**
 * Where a meeting stands for someone calling now: open (live, or starting within 15 minutes and
 * its slot not yet over), early, late (its slot has passed and nobody opened it: a PIN still gets
 * in, but caller ID no longer points there), ended or cancelled.
 */
export function admissionStage(m: MeetingTiming, now: number): AdmissionStage {
  if (m.status === "cancelled") return "cancelled";
  if (m.status === "ended") return "ended";
  if (m.status === "live") return "open";
  const start = m.startsAt.getTime();
  if (now < start - EARLY_JOIN_MS) return "early";
  if (now > start + m.durationMinutes * 60_000) return "late";
  return "open";
}

/** Ranks the meetings a caller ID matches: live first, then the soonest open one. */
export function pickInviteeMeeting<T extends MeetingTiming>(meetings: T[], now: number): T | undefined {
  const open = meetings.filter((m) => admissionStage(m, now) === "open");
  open.sort(
    (a, b) =>
      Number(b.status === "live") - Number(a.status === "live") ||
      Math.abs(a.startsAt.getTime() - now) - Math.abs(b.startsAt.getTime() - now),
  );
  return open[0];
}

/** The meeting's start as hour and minute in its own time zone (Nairobi if the zone is unknown). */
export function wallClock(startsAt: Date, timeZone: string): { hour: number; minute: number } {
  const parts = (zone: string) =>
    new Intl.DateTimeFormat("en-GB", {
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone: zone,
    }).formatToParts(startsAt);
  let p: Intl.DateTimeFormatPart[];
  try {
    p = parts(timeZone);
  } catch {
    p = parts("Africa/Nairobi");
  }
  const n = (type: string) => Number(p.find((x) => x.type === type)?.value ?? 0);
  return { hour: n("hour"), minute: n("minute") };
}

/**
 * The start time as a caller of a meeting in `language` would read it off an invitation: "14:30"
 * in English, "saa nane na nusu mchana" in Swahili (lib/meetings/prompts).
 */
export function spokenStartTime(startsAt: Date, timeZone: string, language = "en"): string {
  const { hour, minute } = wallClock(startsAt, timeZone);
  return promptsFor(language).clock(hour, minute);
}

import { createEvent, type DateArray } from "ics";
import { formatPhone } from "@/lib/shared/phone";
import { groupPin } from "@/lib/shared/invite-text";
import { RECORDING_NOTICE_LINES } from "@/lib/shared/recording-notice";

// One VEVENT per meeting, in UTC. Calendar apps convert UTC to the viewer's zone; the meeting's own
// zone is named in the description. A weekly RRULE on a UTC start repeats at the same UTC time,
// which is exact for East African zones (no daylight saving).

export type IcsMeeting = {
  id: string;
  title: string;
  agenda: string;
  startsAt: Date;
  timeZone: string;
  durationMinutes: number;
  recurrence: string;
  dialInNumber: string | null;
  pin: string;
  /** The meeting is recorded: the description says so. */
  record?: boolean;
  updatedAt?: Date;
  cancelled?: boolean;
  meetingUrl?: string;
  /** The phone key list, line by line (lib/meetings/phone-key-lines.ts). */
  phoneKeys?: string[];
};

function utcArray(d: Date): DateArray {
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
}

export function meetingIcs(m: IcsMeeting): string {
  const dialIn = m.dialInNumber ? formatPhone(m.dialInNumber) : null;
  const description = [
    m.agenda.trim() ? `Agenda: ${m.agenda.trim()}` : null,
    dialIn ? `Dial in: ${dialIn}` : null,
    `PIN: ${groupPin(m.pin)} #`,
    `Time zone: ${m.timeZone}`,
    m.meetingUrl ? `Meeting page: ${m.meetingUrl}` : null,
    ...(m.record ? RECORDING_NOTICE_LINES : []),
    ...(m.phoneKeys ?? []),
  ]
    .filter((l): l is string => l !== null)
    .join("\n");

  const { error, value } = createEvent({
    uid: `${m.id}@mkutano`,
    productId: "mkutano/ics",
    method: "PUBLISH",
    title: m.title,
    description,
    location: dialIn ? `Phone: ${dialIn}, PIN ${m.pin}` : `PIN ${m.pin}`,
    start: utcArray(m.startsAt),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { hours: Math.floor(m.durationMinutes / 60), minutes: m.durationMinutes % 60 },
    recurrenceRule: m.recurrence === "weekly" ? "FREQ=WEEKLY" : undefined,
    // Calendar apps replace an event with the same UID only when SEQUENCE grows.
    sequence: m.updatedAt ? Math.floor(m.updatedAt.getTime() / 1000) % 2_000_000_000 : 0,
    status: m.cancelled ? "CANCELLED" : "CONFIRMED",
  });
  if (error || !value) throw error ?? new Error("Could not build the calendar file");
  return value;
}

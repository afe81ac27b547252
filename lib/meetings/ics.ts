import { createEvent, type DateArray } from "ics";
import { tzlib_get_ical_block } from "timezones-ical-library";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { formatPhone } from "@/lib/shared/phone";
import { groupPin, type InviteDetails } from "@/lib/meetings/invite-text";
import { utcToZonedWallTime } from "@/lib/shared/meeting-time";
import { RECORDING_NOTICE_LINES } from "@/lib/shared/recording-notice";

// One VEVENT per meeting. A one-off meeting is in UTC: calendar apps convert it to the viewer's
// zone. A weekly meeting repeats at the same wall-clock time in ITS zone, so its start carries
// TZID with the zone's VTIMEZONE (from timezones-ical-library, the IANA rules in iCalendar form):
// a UTC start would drift by an hour across a clock change in zones that have one. The `ics`
// package writes no VTIMEZONE, so the start is written as local time and labelled afterwards.
// No link: the meeting page needs a Mkutano account in the organiser's workspace, which invitees
// do not have; the dial-in number and PIN are all they need.
// The text around the organiser's own words is in `locale`, the language of whoever downloads the
// file (the organiser, who sends it on); the recording notice and the phone key list stay in both
// languages, since the invitees' is not known (ADR 0020, ADR 0021).

/** What the invitation text says (the description repeats it), with the number unformatted. */
export type IcsMeeting = Omit<InviteDetails, "dialInDisplay"> & {
  id: string;
  dialInNumber: string | null;
  updatedAt?: Date;
  cancelled?: boolean;
};

function utcArray(d: Date): DateArray {
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
}

function wallArray(d: Date, timeZone: string): DateArray {
  const [date = "", time = ""] = utcToZonedWallTime(d, timeZone).split("T");
  const [y, mo, day] = date.split("-").map(Number) as [number, number, number];
  const [h, mi] = time.split(":").map(Number) as [number, number];
  return [y, mo, day, h, mi];
}

/** The zone's VTIMEZONE and its TZID, or null for a name the rules do not know (then UTC is used). */
function vtimezone(timeZone: string): { block: string; tzid: string } | null {
  const found = tzlib_get_ical_block(timeZone) as unknown;
  if (!Array.isArray(found) || typeof found[0] !== "string" || !found[0].startsWith("BEGIN:VTIMEZONE")) return null;
  return { block: found[0], tzid: timeZone };
}

export function meetingIcs(m: IcsMeeting, locale: Locale = DEFAULT_LOCALE): string {
  const t = translatorFor(locale, "Ics");
  const zone = m.recurrence === "weekly" ? vtimezone(m.timeZone) : null;
  const dialIn = m.dialInNumber ? formatPhone(m.dialInNumber) : null;
  const description = [
    m.agenda.trim() ? t("agenda", { agenda: m.agenda.trim() }) : null,
    dialIn ? t("dialIn", { number: dialIn }) : null,
    t("pin", { pin: groupPin(m.pin) }),
    t("timeZone", { zone: m.timeZone }),
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
    location: dialIn ? t("location", { number: dialIn, pin: m.pin }) : t("locationPinOnly", { pin: m.pin }),
    ...(zone
      ? { start: wallArray(m.startsAt, m.timeZone), startInputType: "local", startOutputType: "local" }
      : { start: utcArray(m.startsAt), startInputType: "utc", startOutputType: "utc" }),
    duration: { hours: Math.floor(m.durationMinutes / 60), minutes: m.durationMinutes % 60 },
    recurrenceRule: m.recurrence === "weekly" ? "FREQ=WEEKLY" : undefined,
    // Calendar apps replace an event with the same UID only when SEQUENCE grows.
    sequence: m.updatedAt ? Math.floor(m.updatedAt.getTime() / 1000) % 2_000_000_000 : 0,
    status: m.cancelled ? "CANCELLED" : "CONFIRMED",
  });
  if (error || !value) throw error ?? new Error("Could not build the calendar file");
  if (!zone) return value;
  const labelled = value.replace(/^DTSTART:(\d{8}T\d{6})\r$/m, `DTSTART;TZID=${zone.tzid}:$1\r`);
  if (labelled === value) throw new Error("Could not label the start with its time zone");
  return labelled.replace("BEGIN:VEVENT\r\n", `${zone.block}\r\nBEGIN:VEVENT\r\n`);
}

import "server-only";
import { DEFAULT_LOCALE, intlLocale, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { formatInZone } from "@/lib/shared/meeting-time";
import { RECORDING_NOTICE_LINES } from "@/lib/shared/recording-notice";

// The text an organiser copies into WhatsApp, SMS or email. Like the .ics (ADR 0025), it is in the
// language of whoever copies it (the organiser, who knows whom they are writing to); the recording
// notice and the phone key list stay in both languages, since the invitees' is not known. The
// dial-in number comes already formatted (MeetingView.dialInDisplay).

export type InviteDetails = {
  title: string;
  agenda: string;
  startsAt: Date;
  timeZone: string;
  durationMinutes: number;
  recurrence: string;
  /** The dial-in number as displayed ("+254 709 000100"). */
  dialInDisplay: string | null;
  pin: string;
  /** The meeting is recorded: the invitation says so. */
  record?: boolean;
  /** The phone key list, line by line (lib/meetings/phone-key-lines.ts); appended after a blank line. */
  phoneKeys?: string[];
};

export function inviteText(m: InviteDetails, locale: Locale = DEFAULT_LOCALE): string {
  const t = translatorFor(locale, "MeetingInvite");
  const lines = [
    t("invited", { title: m.title }),
    t("when", {
      when: formatInZone(m.startsAt, m.timeZone, intlLocale(locale)),
      minutes: m.durationMinutes,
      weekly: String(m.recurrence === "weekly"),
    }),
  ];
  if (m.agenda.trim()) lines.push(t("agenda", { agenda: m.agenda.trim() }));
  lines.push("");
  const pin = groupPin(m.pin);
  lines.push(m.dialInDisplay ? t("join", { number: m.dialInDisplay, pin }) : t("pinOnly", { pin }));
  lines.push(t("mayCall"));
  if (m.record) lines.push("", ...RECORDING_NOTICE_LINES);
  if (m.phoneKeys?.length) lines.push("", ...m.phoneKeys);
  return lines.join("\n");
}

/** "123 456 789": easier to read aloud and to type on a keypad. */
export function groupPin(pin: string): string {
  return pin.replace(/(\d{3})(?=\d)/g, "$1 ");
}

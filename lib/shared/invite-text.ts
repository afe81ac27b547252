import { formatInZone } from "@/lib/shared/meeting-time";
import { RECORDING_NOTICE_LINES } from "@/lib/shared/recording-notice";

// The text an organiser copies into WhatsApp, SMS or email. Isomorphic so the page can render it;
// the dial-in number comes already formatted (MeetingView.dialInDisplay) to keep phone metadata
// out of the browser.

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

export function inviteText(m: InviteDetails): string {
  const lines = [
    `You are invited to a phone meeting: ${m.title}`,
    `When: ${formatInZone(m.startsAt, m.timeZone)} (${m.durationMinutes} min)${m.recurrence === "weekly" ? ", every week" : ""}`,
  ];
  if (m.agenda.trim()) lines.push(`Agenda: ${m.agenda.trim()}`);
  lines.push("");
  if (m.dialInDisplay) {
    lines.push(`To join, call ${m.dialInDisplay} and enter PIN ${groupPin(m.pin)} followed by #.`);
  } else {
    lines.push(`Meeting PIN: ${groupPin(m.pin)} (the dial-in number will be shared by the organiser).`);
  }
  lines.push("The organiser may also call you when the meeting starts.");
  if (m.record) lines.push("", ...RECORDING_NOTICE_LINES);
  if (m.phoneKeys?.length) lines.push("", ...m.phoneKeys);
  return lines.join("\n");
}

/** "123 456 789": easier to read aloud and to type on a keypad. */
export function groupPin(pin: string): string {
  return pin.replace(/(\d{3})(?=\d)/g, "$1 ");
}

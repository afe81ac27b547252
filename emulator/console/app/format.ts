import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import type { Behaviour, PhoneState } from "../../state/types";

export function formatPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.formatInternational() : e164;
}

/** E.164 as the emulator expects it: "+", country code, no spaces. */
export function toE164(input: string): string | null {
  const cleaned = input.replace(/[\s().-]/g, "");
  if (!/^\+[1-9]\d{6,14}$/.test(cleaned)) return null;
  const parsed = parsePhoneNumberFromString(cleaned);
  return parsed?.isPossible() ? parsed.number : null;
}

export function formatMoney(minor: number | undefined, currency = "KES"): string {
  if (typeof minor !== "number" || !Number.isFinite(minor)) return "—";
  return `${currency} ${(minor / 100).toLocaleString("en-KE", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export function formatClock(iso: string | number | null | undefined): string {
  if (iso === null || iso === undefined || iso === "") return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "—";
  return date.toLocaleTimeString("en-GB", { hour12: false });
}

export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}

/** "in 1m 20s" / "now" / "2m ago" relative to `now`. */
export function formatRelative(iso: string | null | undefined, now: number): string {
  if (!iso) return "—";
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) return "—";
  const diff = Math.round((at - now) / 1000);
  if (Math.abs(diff) < 1) return "now";
  const span = compactSpan(Math.abs(diff));
  return diff > 0 ? `in ${span}` : `${span} ago`;
}

function compactSpan(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ${seconds % 60}s`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)}h ${Math.floor((seconds % 3600) / 60)}m`;
  return `${Math.floor(seconds / 86400)}d ${Math.floor((seconds % 86400) / 3600)}h`;
}

export const PHONE_STATE_LABEL: Record<PhoneState, string> = {
  idle: "Idle",
  ringing: "Ringing",
  in_call: "In call",
  waiting: "Waiting",
  ended: "Call ended",
};

export function describeBehaviour(behaviour: Behaviour): string {
  if (typeof behaviour === "object") {
    return "drop_after_seconds" in behaviour
      ? `Answers, network drops the call after ${behaviour.drop_after_seconds} s`
      : `Answers, hangs up after ${behaviour.hangup_after_seconds} s`;
  }
  switch (behaviour) {
    case "auto":
      return "Answers automatically";
    case "manual":
      return "Rings until you answer";
    case "busy":
      return "Busy";
    case "no_answer":
      return "Never answers";
    case "fail":
      return "Call fails";
    case "voicemail":
      return "Voicemail picks up";
    default:
      return String(behaviour);
  }
}

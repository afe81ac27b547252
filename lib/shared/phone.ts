import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { clipForMessage as clip, phoneSyntaxError } from "@/lib/shared/phone-syntax";

// The authority on phone numbers: validation, E.164 and display formatting. It runs on the server
// only in practice (its metadata is ~28 KB gzip); the browser gets display strings from the server
// and checks only the syntax (lib/shared/phone-syntax.ts). Kenya is the default country, so
// 07xx / 01xx / 020 numbers need no prefix.

export type PhoneResult = { ok: true; e164: string } | { ok: false; error: string };

const DEFAULT_COUNTRY: CountryCode = "KE";

/** Normalises a phone number typed in any common Kenyan or international form to E.164. */
export function normalisePhone(input: string, defaultCountry: CountryCode = DEFAULT_COUNTRY): PhoneResult {
  const syntax = phoneSyntaxError(input);
  if (syntax) return { ok: false, error: syntax };
  const raw = input.trim();
  // "00" is the international prefix in Kenya and most of the world; libphonenumber would read it
  // as part of a national number.
  const candidate = raw.replace(/^00/, "+");
  const parsed = parsePhoneNumberFromString(candidate, defaultCountry);
  if (!parsed || !parsed.isValid()) {
    return {
      ok: false,
      error: `"${clip(raw)}" is not a valid phone number. Use a Kenyan number such as 0712 345 678 or an international one such as +44 20 7946 0958.`,
    };
  }
  return { ok: true, e164: parsed.number };
}

// The roster formats every person's number on each snapshot (a 1000-person room, many times a
// second) and parsing costs ~30 µs a number; the same numbers recur, so remember them.
const DISPLAY_CACHE_MAX = 10_000;
const displayCache = new Map<string, string>();

/** Human-friendly international format for display ("+254 712 345 678"); E.164 if unparseable. */
export function formatPhone(e164: string): string {
  const hit = displayCache.get(e164);
  if (hit !== undefined) return hit;
  const parsed = parsePhoneNumberFromString(e164);
  const display = parsed ? parsed.formatInternational() : e164;
  if (displayCache.size >= DISPLAY_CACHE_MAX) displayCache.clear();
  displayCache.set(e164, display);
  return display;
}

export function isE164(value: string): boolean {
  return /^\+[1-9]\d{6,14}$/.test(value);
}

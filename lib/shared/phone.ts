import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import type { ErrorMessage } from "@/lib/shared/error-keys";
import { clipForMessage as clip, phoneSyntaxError } from "@/lib/shared/phone-syntax";

// The authority on phone numbers: validation, E.164 and display formatting. It runs on the server
// only in practice (its metadata is ~28 KB gzip); the browser gets display strings from the server
// and checks only the syntax (lib/shared/phone-syntax.ts). Kenya is the default country, so
// 07xx / 01xx / 020 numbers need no prefix.

export type PhoneResult = { ok: true; e164: string } | { ok: false; error: ErrorMessage };

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
    return { ok: false, error: { key: "phoneInvalid", params: { raw: clip(raw) } } };
  }
  return { ok: true, e164: parsed.number };
}

// The roster formats every person's number on each snapshot (a 1000-person room, many times a
// second) and parsing costs ~30 µs a number; the same numbers recur, so remember them.
const DISPLAY_CACHE_MAX = 10_000;
const displayCache = new Map<string, string>();

/**
 * The display form of a number: international, grouped the way the country writes it
 * ("+254 712 345 678"); E.164 if unparseable. libphonenumber parses, validates and groups; its
 * metadata writes a nine-digit Kenyan (and Ugandan, …) number as "712 345678", while people,
 * operators and printed directories in the region write 712 345 678, so a trailing group of six
 * digits is split in two threes.
 */
export function formatPhone(e164: string): string {
  const hit = displayCache.get(e164);
  if (hit !== undefined) return hit;
  const parsed = parsePhoneNumberFromString(e164);
  const display = parsed ? parsed.formatInternational().replace(/ (\d{3})(\d{3})$/, " $1 $2") : e164;
  if (displayCache.size >= DISPLAY_CACHE_MAX) displayCache.clear();
  displayCache.set(e164, display);
  return display;
}

/** What stands in for a hidden digit. */
export const MASK_DIGIT = "\u2022";

/**
 * The display form with the middle of the national number hidden ("+254 7•• ••• 678"): the
 * country code, the first digit (the network, for a mobile) and the last three stay, enough to tell
 * people apart on a roster without being able to call them. Short numbers keep only their last two.
 */
export function maskPhone(e164: string): string {
  const display = formatPhone(e164);
  const digits = display.replace(/\D/g, "");
  const parsed = parsePhoneNumberFromString(e164);
  const cc = parsed ? parsed.countryCallingCode.length : Math.min(3, Math.max(1, digits.length - 7));
  const national = digits.length - cc;
  const [head, tail] = national >= 7 ? [1, 3] : [0, Math.min(2, Math.max(0, national - 3))];
  let seen = 0;
  return display.replace(/\d/g, (d) => {
    const i = seen++ - cc;
    return i < head || i >= national - tail ? d : MASK_DIGIT;
  });
}

export function isE164(value: string): boolean {
  return /^\+[1-9]\d{6,14}$/.test(value);
}

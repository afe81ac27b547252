import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

// Isomorphic: the same rules run in the browser (instant form feedback) and on the server (the
// authority). Kenya is the default country, so 07xx / 01xx / 020 numbers need no prefix.

export type PhoneResult = { ok: true; e164: string } | { ok: false; error: string };

const DEFAULT_COUNTRY: CountryCode = "KE";

/** Normalises a phone number typed in any common Kenyan or international form to E.164. */
export function normalisePhone(input: string, defaultCountry: CountryCode = DEFAULT_COUNTRY): PhoneResult {
  const raw = input.trim();
  if (raw === "") return { ok: false, error: "Enter a phone number." };
  if (!/^[+\d\s().\-/]+$/.test(raw)) {
    return { ok: false, error: `"${clip(raw)}" is not a phone number: use digits, spaces, dashes and an optional leading +.` };
  }
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

/** Human-friendly international format for display ("+254 712 345 678"); E.164 if unparseable. */
export function formatPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.formatInternational() : e164;
}

export function isE164(value: string): boolean {
  return /^\+[1-9]\d{6,14}$/.test(value);
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

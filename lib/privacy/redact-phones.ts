import { maskPhone } from "@/lib/shared/phone";

// The one masking step between the server and a viewer who may not see full phone numbers
// (ADR 0022). It walks whatever is about to be sent — a page's props, a JSON body, an SSE frame, a
// CSV's rows — and masks every phone number it finds in any string, whatever the field is called.
// Builders therefore keep producing full numbers in their usual fields and forms (E.164,
// "+254 712 345 678", inside a message or a key), and a field added later is masked without
// anyone remembering to: only what is passed through here leaves the server.
//
// A number is "+" then 7–15 digits, up to two spaces, dots, dashes or brackets between any two
// of them: every form the app writes a number in (E.164 and the display form of
// lib/shared/phone.ts) and the ones Sautikit's messages use. The workspace's own numbers (dial-in,
// caller ID) are public — they are printed on every invite — and stay whole.

const PHONE_IN_TEXT = /\+\d(?:[ \u00a0().-]{0,2}\d){6,14}/g;

export type PhoneAudience = {
  /** true: this viewer sees full numbers and nothing is masked. */
  full: boolean;
  /** E.164 numbers that stay whole even when masking (the workspace's own numbers). */
  keep: ReadonlySet<string>;
};

export const FULL_NUMBERS: PhoneAudience = { full: true, keep: new Set() };

/** The audience as a string (a stream's audience key): "" for full numbers. */
export function audienceKey(audience: PhoneAudience): string {
  return audience.full ? "" : `masked:${[...audience.keep].sort().join(",")}`;
}

export function audienceFromKey(key: string): PhoneAudience {
  if (!key.startsWith("masked:")) return FULL_NUMBERS;
  return { full: false, keep: new Set(key.slice("masked:".length).split(",").filter(Boolean)) };
}

/** Masks every person's phone number in a string. */
export function redactText(text: string, keep: ReadonlySet<string>): string {
  if (!text.includes("+")) return text;
  return text.replace(PHONE_IN_TEXT, (match) => {
    const e164 = `+${match.replace(/\D/g, "")}`;
    return keep.has(e164) ? match : maskPhone(e164);
  });
}

/**
 * A copy of `value` (plain JSON-like data: objects, arrays, strings, numbers, Dates…) with every
 * phone number in every string masked for `audience`; `value` itself when the audience sees full
 * numbers. Object keys are data too (a map keyed by number), so they are masked as well.
 */
export function redactPhones<T>(value: T, audience: PhoneAudience): T {
  if (audience.full) return value;
  return walk(value, audience.keep) as T;
}

function walk(value: unknown, keep: ReadonlySet<string>): unknown {
  if (typeof value === "string") return redactText(value, keep);
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => walk(v, keep));
  if (value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[redactText(k, keep)] = walk(v, keep);
  return out;
}

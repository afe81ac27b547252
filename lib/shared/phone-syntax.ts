// The part of phone validation that needs no numbering-plan metadata, so a form can run it in the
// browser for instant feedback without shipping libphonenumber-js (~28 KB gzip). Whether the number
// is actually valid is decided on the server (lib/shared/phone.ts), which answers per field.

const PHONE_CHARS = /^[+\d\s().\-/]+$/;

/** The error for an empty or obviously non-numeric entry; null when it may be a phone number. */
export function phoneSyntaxError(input: string): string | null {
  const raw = input.trim();
  if (raw === "") return "Enter a phone number.";
  if (!PHONE_CHARS.test(raw)) {
    return `"${clipForMessage(raw)}" is not a phone number: use digits, spaces, dashes and an optional leading +.`;
  }
  return null;
}

export function clipForMessage(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

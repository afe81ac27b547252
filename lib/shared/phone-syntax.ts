// The part of phone validation that needs no numbering-plan metadata, so a form can run it in the
// browser for instant feedback without shipping libphonenumber-js (~28 KB gzip). Whether the number
// is actually valid is decided on the server (lib/shared/phone.ts), which answers per field.

// The error is a key of the `Errors` catalog namespace (ADR 0025); a form says it via its own copy.

const PHONE_CHARS = /^[+\d\s().\-/]+$/;

/** The error for an empty or obviously non-numeric entry; null when it may be a phone number. */
export function phoneSyntaxError(
  input: string,
): { key: "phoneRequired" } | { key: "phoneChars"; params: { raw: string } } | null {
  const raw = input.trim();
  if (raw === "") return { key: "phoneRequired" };
  if (!PHONE_CHARS.test(raw)) return { key: "phoneChars", params: { raw: clipForMessage(raw) } };
  return null;
}

export function clipForMessage(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

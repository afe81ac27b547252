import type en from "@/messages/en.json";

// The keys of user-facing error messages (the `Errors` namespace of messages/*.json), shared by
// server code and the input schemas (which browser code may import: types only here, no catalog).

export type ErrorKey = keyof (typeof en)["Errors"];

/**
 * A value inside an error message. Text and numbers go in as they are; a list is joined per
 * language ("A or B" / "A au B"); money and sizes are formatted per language when translated.
 */
export type ErrorParam = string | number | readonly string[] | { kes: number } | { bytes: number };
export type ErrorParams = Record<string, ErrorParam>;

/** A translatable message: a key and the values it needs. */
export type ErrorMessage = { key: ErrorKey; params?: ErrorParams };

const MARK = "Errors.";

/**
 * A zod message (or an error detail's `message`) that the error boundary translates into the
 * reader's language: the key, marked so it is told apart from zod's own English messages.
 * Values for a custom issue go in its `params`.
 */
export function fieldError(key: ErrorKey): string {
  return MARK + key;
}

/** The key a `fieldError(...)` message carries, or null for any other text. */
export function fieldErrorKey(message: string): ErrorKey | null {
  return message.startsWith(MARK) ? (message.slice(MARK.length) as ErrorKey) : null;
}

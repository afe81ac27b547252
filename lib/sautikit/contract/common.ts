import { z } from "zod";

export const e164Schema = z.string().regex(/^\+[1-9]\d{7,14}$/, "must be an E.164 number such as +254712345678");
export const timestampSchema = z.iso.datetime({ offset: true });
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
export const noControlChars = (s: string) => !CONTROL_CHARS.test(s);
export const httpUrlSchema = z.url({ protocol: /^https?$/ });

/** A form-encoded flag as Sautikit sends it. */
export const formBoolSchema = z.enum(["true", "false"]);
export const formIntSchema = z.string().regex(/^\d+$/);

/** Parses an application/x-www-form-urlencoded body into a plain object (last value wins). */
export function parseFormBody(raw: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(raw));
}

/** Encodes a flat record as a form body, dropping undefined values. */
export function encodeFormBody(fields: Record<string, string | number | boolean | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== null) params.append(k, String(v));
  return params.toString();
}

/**
 * The voice callback URL goes by several names in the public docs (they differ per endpoint): a
 * request may use any one of them, but not two at once. For `.superRefine` on the request object.
 */
export function oneCallbackUrlName<K extends string>(...names: K[]) {
  return (value: Partial<Record<K, unknown>>, ctx: z.RefinementCtx): void => {
    if (names.filter((name) => value[name] !== undefined).length > 1)
      ctx.addIssue({
        code: "custom",
        path: ["voice_callback_url"],
        message: "give the callback URL under one name only",
      });
  };
}

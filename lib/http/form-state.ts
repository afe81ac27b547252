import "server-only";
import { unstable_rethrow } from "next/navigation";
import { toErrorResponse } from "@/lib/errors";
import { ZodError } from "zod";
import { errorText } from "@/lib/i18n/error-text";
import { readerLocale } from "@/lib/i18n/reader-locale";
import { log } from "@/lib/log";

/** What a server action hands back to its form (useActionState). Same error shape as the API. */
export type FormState = {
  ok?: boolean;
  error?: string;
  fieldErrors?: Record<string, string>;
  /** Echo of non-secret inputs so a failed submit keeps what the user typed. */
  values?: Record<string, string>;
  /** Action-specific result, e.g. a one-time invite link to show. */
  result?: Record<string, string | boolean>;
};

/**
 * Maps a thrown error to form state, in the reader's language; Next's redirect/notFound/forbidden
 * signals pass through. Field messages come from a ZodError's issues or an AppError's details.
 */
export async function formError(e: unknown, values?: Record<string, string>): Promise<FormState> {
  unstable_rethrow(e);
  const locale = await readerLocale();
  const requestId = crypto.randomUUID();
  const { status, body } = toErrorResponse(e, requestId, locale);
  const fieldErrors: Record<string, string> = {};
  if (Array.isArray(body.error.details)) {
    for (const d of body.error.details as Array<{ path?: unknown; message?: unknown }>) {
      if (typeof d.path === "string" && typeof d.message === "string") fieldErrors[d.path || "form"] ??= d.message;
    }
  }
  if (status >= 500) log.error({ err: e, requestId }, "server action failed");
  if (status === 422 && body.error.code === "VALIDATION" && e instanceof ZodError)
    return { error: errorText(locale, "fixFields"), fieldErrors, values };
  // A refusal of the input itself (a NUL the database will not store) is the user's to fix, not ours.
  return { error: body.error.message, ...(status < 500 ? { fieldErrors } : {}), values };
}

/** Reads string fields from FormData (files and missing fields become ""). */
export function formFields<K extends string>(formData: FormData, keys: readonly K[]): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const k of keys) {
    const v = formData.get(k);
    out[k] = typeof v === "string" ? v : "";
  }
  return out;
}

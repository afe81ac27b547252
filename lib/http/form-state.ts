import "server-only";
import { unstable_rethrow } from "next/navigation";
import { ZodError } from "zod";
import { isAppError, toErrorResponse } from "@/lib/errors";
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

/** Maps a thrown error to form state; Next's redirect/notFound/forbidden signals pass through. */
export function formError(e: unknown, values?: Record<string, string>): FormState {
  unstable_rethrow(e);
  if (e instanceof ZodError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of e.issues) {
      const key = issue.path.join(".") || "form";
      fieldErrors[key] ??= issue.message;
    }
    return { error: "Please fix the highlighted fields.", fieldErrors, values };
  }
  if (isAppError(e)) {
    const fieldErrors: Record<string, string> = {};
    if (Array.isArray(e.details)) {
      for (const d of e.details as Array<{ path?: unknown; message?: unknown }>) {
        if (typeof d.path === "string" && typeof d.message === "string") fieldErrors[d.path] ??= d.message;
      }
    }
    return { error: e.message, fieldErrors, values };
  }
  const requestId = crypto.randomUUID();
  const response = toErrorResponse(e, requestId);
  // A refusal of the input itself (a NUL the database will not store) is the user's to fix, not ours.
  if (response.status < 500) return { error: response.body.error.message, values };
  log.error({ err: e, requestId }, "server action failed");
  return { error: response.body.error.message, values };
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

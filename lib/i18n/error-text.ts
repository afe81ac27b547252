import { createTranslator } from "use-intl/core";
import type { z } from "zod";
import { CATALOGS } from "@/lib/i18n/catalogs";
import { intlLocale, type Locale } from "@/lib/i18n/locales";
import { fieldErrorKey, type ErrorKey, type ErrorParam, type ErrorParams } from "@/lib/shared/error-keys";
import { formatBytes, formatKes } from "@/lib/shared/format";

// Error messages in a reader's language (ADR 0025): AppError keys, error details and zod issues.
// No `server-only` here: lib/errors.ts (which scripts and the worker load too) renders its English
// message with it.

const translators = new Map<Locale, ReturnType<typeof makeTranslator>>();
const makeTranslator = (locale: Locale) =>
  createTranslator({ locale, messages: CATALOGS[locale], namespace: "Errors" });

function translator(locale: Locale) {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = makeTranslator(locale)));
  return t;
}

function formatParam(value: ErrorParam, locale: Locale): string | number {
  if (typeof value === "string" || typeof value === "number") return value;
  if (Array.isArray(value))
    return new Intl.ListFormat(intlLocale(locale), { type: "disjunction" }).format(value as readonly string[]);
  if ("kes" in value) return formatKes(value.kes, locale);
  return formatBytes((value as { bytes: number }).bytes, locale);
}

/** One message of the `Errors` namespace in `locale`. */
export function errorText(locale: Locale, key: ErrorKey, params?: ErrorParams): string {
  const values = params
    ? Object.fromEntries(Object.entries(params).map(([k, v]) => [k, formatParam(v, locale)]))
    : undefined;
  return translator(locale)(key, values as never);
}

/** `details: [{ path, message }]` with each marked message (`fieldError(...)`) in `locale`. */
export function translateDetails(details: unknown, locale: Locale): unknown {
  if (!Array.isArray(details)) return details;
  return details.map((d: unknown) => {
    const message = (d as { message?: unknown } | null)?.message;
    if (typeof message !== "string") return d;
    const key = fieldErrorKey(message);
    return key ? { ...(d as object), message: errorText(locale, key) } : d;
  });
}

// zod's own messages (no message in the schema) are English; another language gets one by kind.
// i18n-keys: Errors.zodInvalidType, Errors.zodTooSmall, Errors.zodTooBig, Errors.zodInvalidFormat
// i18n-keys: Errors.zodInvalidValue, Errors.zodUnrecognizedKeys
const BY_CODE: Partial<Record<string, ErrorKey>> = {
  invalid_type: "zodInvalidType",
  too_small: "zodTooSmall",
  too_big: "zodTooBig",
  invalid_format: "zodInvalidFormat",
  invalid_value: "zodInvalidValue",
  unrecognized_keys: "zodUnrecognizedKeys",
  invalid_union: "zodInvalidValue",
  not_multiple_of: "zodInvalidValue",
};

type Issue = Pick<z.core.$ZodIssue, "code" | "message"> & {
  params?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
};

/** A zod issue's message in `locale`: a schema's `fieldError(...)` translated, else one by kind. */
export function issueMessage(issue: Issue, locale: Locale): string {
  const key = fieldErrorKey(issue.message);
  if (key) {
    // A rule's own bound is a value its message may say ("at most {maximum} characters").
    const bounds: ErrorParams = {};
    if (issue.minimum !== undefined) bounds.minimum = Number(issue.minimum);
    if (issue.maximum !== undefined) bounds.maximum = Number(issue.maximum);
    return errorText(locale, key, { ...bounds, ...(issue.params as ErrorParams | undefined) });
  }
  if (locale === "en") return issue.message;
  const generic = BY_CODE[issue.code] ?? "zodInvalidValue";
  if (generic === "zodTooSmall" || generic === "zodTooBig") {
    const limit = Number(generic === "zodTooSmall" ? issue.minimum : issue.maximum);
    const origin = issue.origin === "string" || issue.origin === "array" ? issue.origin : "other";
    if (Number.isFinite(limit)) return errorText(locale, generic, { limit, origin });
    return errorText(locale, "zodInvalidValue");
  }
  return errorText(locale, generic);
}

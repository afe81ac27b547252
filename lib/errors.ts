// One coded error for domain code; one mapper from code to HTTP status and a message users can act on.
// The message is a key in the `Errors` namespace of messages/*.json plus its values, so it can be
// said in the reader's language where the error becomes a response (ADR 0025); `message` is the
// English text, for logs and for code that keeps it.

import { ZodError } from "zod";
import { errorText, issueMessage, translateDetails } from "@/lib/i18n/error-text";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import type { ErrorKey, ErrorParams } from "@/lib/shared/error-keys";

export type { ErrorKey, ErrorParams } from "@/lib/shared/error-keys";

export const errorStatus = {
  VALIDATION: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  WALLET_EMPTY: 402,
  NUMBER_NOT_OWNED: 422,
  BUDGET_EXCEEDED: 409,
  SAUTIKIT_REJECTED: 502,
  SAUTIKIT_UNAVAILABLE: 503,
  SAUTIKIT_NOT_CONNECTED: 409,
  UNSUPPORTED: 501,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** The message, as a key of the `Errors` catalog namespace, and its values. */
  readonly key: ErrorKey;
  readonly params?: ErrorParams;
  readonly details?: unknown;
  /** Sautikit's request id, when the error came from its API. */
  readonly requestId?: string;
  /** Seconds to wait before retrying (RATE_LIMITED, SAUTIKIT_UNAVAILABLE). */
  readonly retryAfter?: number;

  constructor(
    code: ErrorCode,
    key: ErrorKey,
    opts: { params?: ErrorParams; details?: unknown; requestId?: string; retryAfter?: number; cause?: unknown } = {},
  ) {
    super(errorText(DEFAULT_LOCALE, key, opts.params), { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.key = key;
    this.params = opts.params;
    this.details = opts.details;
    this.requestId = opts.requestId;
    this.retryAfter = opts.retryAfter;
  }

  /** The message in a reader's language. */
  messageIn(locale: Locale): string {
    return locale === DEFAULT_LOCALE ? this.message : errorText(locale, this.key, this.params);
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown; requestId?: string } };

/**
 * Maps any thrown value to a status and a safe body, its message in `locale` (the reader's):
 * AppError → its status, ZodError → 422 with a message per field, anything else (and INTERNAL) →
 * 500 with a generic message, never the error's own.
 */
export function toErrorResponse(
  e: unknown,
  requestId?: string,
  locale: Locale = DEFAULT_LOCALE,
): { status: number; body: ErrorBody } {
  if (isAppError(e) && e.code !== "INTERNAL") {
    return {
      status: errorStatus[e.code],
      body: {
        error: {
          code: e.code,
          message: e.messageIn(locale),
          details: translateDetails(e.details, locale),
          requestId: e.requestId ?? requestId,
        },
      },
    };
  }
  if (e instanceof ZodError) {
    const first = e.issues[0];
    const where = first?.path.length ? `${first.path.join(".")}: ` : "";
    return {
      status: 422,
      body: {
        error: {
          code: "VALIDATION",
          message: `${where}${first ? issueMessage(first, locale) : errorText(locale, "invalidInput")}`,
          details: e.issues.map((i) => ({ path: i.path.join("."), message: issueMessage(i, locale) })),
          requestId,
        },
      },
    };
  }
  if (isNulByteRejection(e)) {
    return {
      status: 422,
      body: { error: { code: "VALIDATION", message: errorText(locale, "nulCharacter"), requestId } },
    };
  }
  return {
    status: 500,
    body: {
      error: {
        code: "INTERNAL",
        message: requestId ? errorText(locale, "internalWithRequest", { requestId }) : errorText(locale, "internal"),
        requestId,
      },
    },
  };
}

/**
 * PostgreSQL text cannot hold U+0000, so any input carrying one (a form field, a JSON string, a
 * path id) fails in the driver with SQLSTATE 22021 before anything is written. That is the
 * caller's bad input, not our failure: 422, whichever query it reached first.
 */
function isNulByteRejection(e: unknown): boolean {
  const err = e as {
    code?: unknown;
    meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown } } };
    cause?: unknown;
  } | null;
  if (!err || typeof err !== "object") return false;
  const cause = err.meta?.driverAdapterError?.cause;
  const sqlState = cause?.originalCode ?? cause?.code ?? err.code;
  return sqlState === "22021" && /0x00/.test(String((e as Error).message));
}

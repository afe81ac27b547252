// One coded error for domain code; one mapper from code to HTTP status and a message users can act on.

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
  readonly details?: unknown;
  /** Sautikit's request id, when the error came from its API. */
  readonly requestId?: string;
  /** Seconds to wait before retrying (RATE_LIMITED, SAUTIKIT_UNAVAILABLE). */
  readonly retryAfter?: number;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { details?: unknown; requestId?: string; retryAfter?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.details = opts.details;
    this.requestId = opts.requestId;
    this.retryAfter = opts.retryAfter;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown; requestId?: string } };

/** Maps any thrown value to a status and a safe body. Unexpected errors never leak their message. */
export function toErrorResponse(e: unknown, requestId?: string): { status: number; body: ErrorBody } {
  if (isAppError(e)) {
    return {
      status: errorStatus[e.code],
      body: { error: { code: e.code, message: e.message, details: e.details, requestId: e.requestId ?? requestId } },
    };
  }
  if (isNulByteRejection(e)) {
    return { status: 422, body: { error: { code: "VALIDATION", message: NUL_MESSAGE, requestId } } };
  }
  return {
    status: 500,
    body: {
      error: {
        code: "INTERNAL",
        message: `Something went wrong on our side${requestId ? ` (request ${requestId})` : ""}. Please try again.`,
        requestId,
      },
    },
  };
}

export const NUL_MESSAGE = "Text cannot contain the NUL character (\\u0000). Remove it and try again.";

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

import "server-only";
import { AppError } from "@/lib/errors";
import type { ErrorMessage } from "@/lib/shared/error-keys";

// Sautikit's error envelope → one coded AppError users can act on. The Sautikit code, status and
// request id travel in the error so support can trace a failure on Sautikit's side and callers can
// branch on a specific code (e.g. `conferences.not_live`).

export type SautikitErrorDetails = { sautikitStatus: number; sautikitCode: string; reason?: string };

export function mapSautikitError(status: number, body: unknown, requestId?: string, retryAfterMs?: number): AppError {
  const { code, reason, bodyRequestId } = readEnvelope(status, body);
  const rid = requestId ?? bodyRequestId;
  const details: SautikitErrorDetails = { sautikitStatus: status, sautikitCode: code, ...(reason ? { reason } : {}) };
  const opts = { details, requestId: rid };
  const retryAfter = retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000);

  if (status === 402 || code === "wallet.insufficient_funds") return new AppError("WALLET_EMPTY", "walletEmpty", opts);
  if (status === 429 || code === "rate_limited")
    return new AppError("RATE_LIMITED", "sautikitRateLimited", { ...opts, retryAfter });
  if (code === "numbers.not_owned") return new AppError("NUMBER_NOT_OWNED", "numberNotOwned", opts);
  if (status === 401 || code.startsWith("api_key.")) return new AppError("SAUTIKIT_REJECTED", "apiKeyRejected", opts);
  if (status === 404) return new AppError("NOT_FOUND", "sautikitNotFound", opts);
  if (status === 409) return new AppError("CONFLICT", "sautikitConflict", opts);
  if (status === 410) return new AppError("NOT_FOUND", "recordingNoLongerAvailable", opts);
  if (status >= 500)
    return new AppError("SAUTIKIT_UNAVAILABLE", "sautikitUnavailable", {
      ...opts,
      retryAfter,
    });
  // Never the answer's own text: whatever sits at the base URL must not be able to put words in
  // the app's mouth (or echo back what it found). The code stays in the details for support.
  return new AppError("SAUTIKIT_REJECTED", "sautikitRefusedStatus", { ...opts, params: { status } });
}

export function unavailable(message: ErrorMessage, cause: unknown): AppError {
  return new AppError("SAUTIKIT_UNAVAILABLE", message.key, {
    params: message.params,
    cause,
    details: { sautikitStatus: 0, sautikitCode: "network" },
  });
}

/** The Sautikit error code carried by an AppError from this client, if any. */
export function sautikitCodeOf(e: unknown): string | undefined {
  if (!(e instanceof AppError)) return undefined;
  const d = e.details as Partial<SautikitErrorDetails> | undefined;
  return typeof d?.sautikitCode === "string" ? d.sautikitCode : undefined;
}

export function sautikitStatusOf(e: unknown): number | undefined {
  if (!(e instanceof AppError)) return undefined;
  const d = e.details as Partial<SautikitErrorDetails> | undefined;
  return typeof d?.sautikitStatus === "number" ? d.sautikitStatus : undefined;
}

// Both shapes the SDK knows: { error: { code, message, request_id } } and the bare { code, reason }.
// Codes, reasons and request ids are kept only when they look like identifiers: they travel into
// logs and error details, never free text from the other side.
const TOKEN = /^[A-Za-z0-9_.:-]{1,80}$/;
const token = (v: unknown): string | undefined => (typeof v === "string" && TOKEN.test(v) ? v : undefined);

function readEnvelope(status: number, body: unknown): { code: string; reason?: string; bodyRequestId?: string } {
  const fallback = { code: `http_${status}` };
  if (typeof body !== "object" || body === null) return fallback;
  const b = body as Record<string, unknown>;
  const inner = typeof b.error === "object" && b.error !== null ? (b.error as Record<string, unknown>) : b;
  return {
    code: token(inner.code) ?? fallback.code,
    reason: token(inner.reason),
    bodyRequestId: token(inner.request_id),
  };
}

import { z } from "zod";

// The error envelope every Sautikit API error uses, plus the bare `{ code, reason }` body a few
// endpoints (the recording 410) send instead.

export const apiErrorCodes = {
  "validation.failed": 400,
  "api_key.invalid": 401,
  "wallet.insufficient_funds": 402,
  "numbers.not_owned": 403,
  "calls.not_found": 404,
  "numbers.not_found": 404,
  "calls.recording_not_found": 404,
  "conferences.not_live": 404,
  not_found: 404,
  method_not_allowed: 405,
  "idempotency.conflict": 409,
  "calls.not_live": 409,
  "calls.supervision_in_progress": 409,
  "calls.supervision_not_connected": 409,
  "calls.supervision_not_found": 404,
  recording_unavailable: 410,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ApiErrorCode = keyof typeof apiErrorCodes;

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    request_id: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export const bareErrorSchema = z.object({ code: z.string(), reason: z.string().optional() });
export type BareError = z.infer<typeof bareErrorSchema>;

/** Reads either error shape; null when the body is neither. */
export function parseApiError(body: unknown): { code: string; message: string; requestId?: string } | null {
  const enveloped = apiErrorSchema.safeParse(body);
  if (enveloped.success) {
    const e = enveloped.data.error;
    return { code: e.code, message: e.message, requestId: e.request_id };
  }
  const bare = bareErrorSchema.safeParse(body);
  if (bare.success) return { code: bare.data.code, message: bare.data.reason ?? bare.data.code };
  return null;
}

import { z } from "zod";
import { CLIENT_REQUEST_ID_MAX_LENGTH } from "./constants";
import { e164Schema, httpUrlSchema, oneCallbackUrlName, noControlChars, timestampSchema } from "./common";

export const callStatusSchema = z.enum(["ringing", "answered", "completed", "no_answer", "busy", "failed", "canceled"]);
export type CallStatus = z.infer<typeof callStatusSchema>;
export const TERMINAL_CALL_STATUSES: readonly CallStatus[] = ["completed", "no_answer", "busy", "failed", "canceled"];

export const callDirectionSchema = z.enum(["inbound", "outbound"]);
export type CallDirection = z.infer<typeof callDirectionSchema>;

export const sessionIdSchema = z.string().regex(/^HD_[0-9a-f]{12}$/);

export const clientRequestIdSchema = z
  .string()
  .min(1)
  .max(CLIENT_REQUEST_ID_MAX_LENGTH)
  .refine(noControlChars, "must not contain control characters")
  .refine((s) => !s.startsWith("mcp:") && !s.startsWith("broadcast:"), "must not start with mcp: or broadcast:");

/**
 * POST /v1/calls as the emulator accepts it (strict): `to` is a string or a one-element array, and the
 * callback URL may arrive under any of its three names (only one of them at a time).
 */
export const createCallRequestSchema = z
  .strictObject({
    from: e164Schema,
    to: z.union([e164Schema, z.array(e164Schema).length(1, "exactly one destination is supported")]),
    caller_id: e164Schema.optional(),
    voice_callback_url: httpUrlSchema.optional(),
    webhook_url: httpUrlSchema.optional(),
    action_url: httpUrlSchema.optional(),
    client_request_id: clientRequestIdSchema.optional(),
  })
  .superRefine(oneCallbackUrlName("voice_callback_url", "webhook_url", "action_url"))
  .transform((v) => ({
    from: v.from,
    to: Array.isArray(v.to) ? v.to[0]! : v.to,
    caller_id: v.caller_id,
    voice_callback_url: v.voice_callback_url ?? v.webhook_url ?? v.action_url,
    client_request_id: v.client_request_id,
  }));
export type CreateCallInput = z.input<typeof createCallRequestSchema>;
export type CreateCallRequest = z.output<typeof createCallRequestSchema>;

export const createCallResponseSchema = z.object({
  call_id: z.string(),
  session_id: z.string(),
  status: z.literal("ringing"),
  client_request_id: z.string().optional(),
});
export type CreateCallResponse = z.infer<typeof createCallResponseSchema>;

export const callEventRecordSchema = z.object({
  id: z.string(),
  call_id: z.string(),
  kind: z.string(),
  payload: z.record(z.string(), z.unknown()).nullable(),
  occurred_at: timestampSchema,
  created_at: timestampSchema,
});
export type CallEventRecord = z.infer<typeof callEventRecordSchema>;

export const callSchema = z.object({
  id: z.string(),
  workspace_id: z.string(),
  session_id: z.string().nullable(),
  direction: callDirectionSchema,
  local_e164: z.string(),
  remote_e164: z.string(),
  /** The number the callee was shown, when POST /v1/calls asked for one (SDK 0.3.0); older records lack it. */
  caller_id: z.string().nullable().optional(),
  country: z.string().nullable(),
  started_at: timestampSchema,
  answered_at: timestampSchema.nullable(),
  ended_at: timestampSchema.nullable(),
  duration_seconds: z.number().int().nonnegative().nullable(),
  status: callStatusSchema,
  cost_minor: z.number().int().nonnegative(),
  cost_currency: z.string().nullable(),
  rate_per_minute_minor: z.number().int().nonnegative().nullable(),
  failure_code: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()).nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
  events: z.array(callEventRecordSchema),
});
export type Call = z.infer<typeof callSchema>;

export const getCallResponseSchema = z.object({ call: callSchema });

const timeBound = z.union([timestampSchema, z.string().regex(/^\d+$/)]);
export const listCallsQuerySchema = z.strictObject({
  status: z
    .string()
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(callStatusSchema).min(1))
    .optional(),
  direction: callDirectionSchema.optional(),
  q: z.string().max(200).optional(),
  session_id: z.string().optional(),
  from: timeBound.optional(),
  to: timeBound.optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListCallsQuery = z.output<typeof listCallsQuerySchema>;

export const listCallsResponseSchema = z.object({ data: z.array(callSchema), next_cursor: z.string().nullable() });
export type ListCallsResponse = z.infer<typeof listCallsResponseSchema>;

export const hangupResponseSchema = z.object({ call_id: z.string(), status: z.literal("hung_up") });

export const recordingPendingSchema = z.object({
  status: z.literal("pending"),
  retry_after_seconds: z.number().int().positive(),
});
export const recordingUnavailableSchema = z.object({ code: z.literal("recording_unavailable"), reason: z.string() });

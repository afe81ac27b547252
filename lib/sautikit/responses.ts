import { z } from "zod";

// What the client accepts back from Sautikit: the fields the app relies on are checked, anything
// else passes through untouched (a newer Sautikit may add fields; the app must not break on them).

export const numberSchema = z.looseObject({
  id: z.string().min(1),
  e164: z.string().min(1),
  status: z.string().optional(),
  country_iso2: z.string().nullish(),
  capabilities: z.array(z.string()).optional(),
  voice_callback_url: z.string().nullish(),
  events_url: z.string().nullish(),
});
export type SautikitNumber = z.infer<typeof numberSchema>;

export const numbersResponseSchema = z.looseObject({ numbers: z.array(numberSchema) });

export const createCallResponseSchema = z.looseObject({
  call_id: z.string().min(1),
  session_id: z.string().nullish(),
  status: z.string(),
  client_request_id: z.string().nullish(),
});
export type CreateCallResponse = z.infer<typeof createCallResponseSchema>;

export const callSchema = z.looseObject({
  id: z.string().min(1),
  session_id: z.string().nullish(),
  direction: z.string(),
  local_e164: z.string().nullish(),
  remote_e164: z.string().nullish(),
  status: z.string(),
  started_at: z.string().nullish(),
  answered_at: z.string().nullish(),
  ended_at: z.string().nullish(),
  duration_seconds: z.number().nullish(),
  cost_minor: z.number().nullish(),
  rate_per_minute_minor: z.number().nullish(),
  failure_code: z.string().nullish(),
  metadata: z.unknown().optional(),
  events: z.array(z.unknown()).optional(),
});
export type SautikitCall = z.infer<typeof callSchema>;

export const getCallResponseSchema = z.looseObject({ call: callSchema });
export const listCallsResponseSchema = z.looseObject({ data: z.array(callSchema), next_cursor: z.string().nullish() });

export const hangupResponseSchema = z.looseObject({ call_id: z.string().optional(), status: z.string() });

export const conferenceCommandResponseSchema = z.looseObject({
  conference: z.string().optional(),
  command: z.string().optional(),
  participant: z.string().optional(),
  status: z.string(),
});

export const recordingPendingSchema = z.looseObject({
  status: z.literal("pending").optional(),
  retry_after_seconds: z.number().optional(),
});

export const walletSchema = z.looseObject({
  balance_minor: z.number().int(),
  currency: z.string(),
  workspace_id: z.string().optional(),
  low_balance_threshold_minor: z.number().int().nullish(),
});
export type SautikitWallet = z.infer<typeof walletSchema>;

export const pricingSchema = z.looseObject({
  currency: z.string(),
  outbound_per_min_kes: z.number(),
  inbound_per_min_kes: z.number(),
  number_monthly_kes: z.number().optional(),
  recording_free_gb: z.number().optional(),
  updated_at: z.string().optional(),
});
export type SautikitPricing = z.infer<typeof pricingSchema>;

/** GET /v1/calls/stats: the totals the app reads (series and the rest pass through). */
export const callStatsSchema = z.looseObject({
  total: z.number().int().nonnegative(),
  spend_minor: z.number().int().nonnegative(),
  currency: z.string(),
});
export type SautikitCallStats = z.infer<typeof callStatsSchema>;

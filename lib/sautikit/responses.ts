import { z } from "zod";
import * as calls from "@/lib/sautikit/contract/calls";
import { conferenceCommandResponseSchema as strictConferenceCommand } from "@/lib/sautikit/contract/conference-events";
import * as stats from "@/lib/sautikit/contract/stats";
import * as numbers from "@/lib/sautikit/contract/numbers";
import * as wallet from "@/lib/sautikit/contract/wallet";

// What the client accepts back from Sautikit, derived from the contract's schemas (what the
// emulator sends) and named after them with a `lenient` prefix, so a contract schema and its
// reading here never share a name. The same field names, but only the fields the app relies on
// are checked, and loosely (a string where the contract pins an enum, null where it pins a value); every other field
// of the contract, and any field it does not know, passes through untouched. A newer or slightly
// different Sautikit must not break the app (docs/sautikit.md, "the app is liberal").

type Checked<S extends z.ZodRawShape> = { [K in keyof S]?: z.ZodType };
type Lenient<S extends z.ZodRawShape, C extends Checked<S>> = Omit<
  { [K in keyof S]: z.ZodOptional<z.ZodUnknown> },
  keyof C
> &
  C;

/** The contract's object, every field optional and unchecked except those in `checked`, unknown fields kept. */
function lenient<S extends z.ZodRawShape, C extends Checked<S>>(strict: z.ZodObject<S>, checked: C) {
  const relaxed = Object.fromEntries(Object.keys(strict.shape).map((k) => [k, z.unknown().optional()]));
  return z.looseObject({ ...relaxed, ...checked } as Lenient<S, C>);
}

export const lenientNumberSchema = lenient(numbers.numberSchema, {
  id: z.string().min(1),
  e164: z.string().min(1),
  status: z.string().optional(),
  country_iso2: z.string().nullish(),
  capabilities: z.array(z.string()).optional(),
  voice_callback_url: z.string().nullish(),
  events_url: z.string().nullish(),
});
export type SautikitNumber = z.infer<typeof lenientNumberSchema>;

export const lenientNumbersResponseSchema = lenient(numbers.listNumbersResponseSchema, {
  numbers: z.array(lenientNumberSchema),
});

export const lenientCreateCallResponseSchema = lenient(calls.createCallResponseSchema, {
  call_id: z.string().min(1),
  session_id: z.string().nullish(),
  status: z.string(),
  client_request_id: z.string().nullish(),
});

export const lenientCallSchema = lenient(calls.callSchema, {
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
  events: z.array(z.unknown()).optional(),
});
export type SautikitCall = z.infer<typeof lenientCallSchema>;

export const lenientGetCallResponseSchema = lenient(calls.getCallResponseSchema, { call: lenientCallSchema });
export const lenientListCallsResponseSchema = lenient(calls.listCallsResponseSchema, {
  data: z.array(lenientCallSchema),
  next_cursor: z.string().nullish(),
});

export const lenientHangupResponseSchema = lenient(calls.hangupResponseSchema, {
  call_id: z.string().optional(),
  status: z.string(),
});

export const lenientConferenceCommandResponseSchema = lenient(strictConferenceCommand, {
  conference: z.string().optional(),
  command: z.string().optional(),
  participant: z.string().optional(),
  status: z.string(),
});

export const lenientRecordingPendingSchema = lenient(calls.recordingPendingSchema, {
  status: z.literal("pending").optional(),
  retry_after_seconds: z.number().optional(),
});

export const lenientWalletSchema = lenient(wallet.walletBalanceSchema, {
  balance_minor: z.number().int(),
  currency: z.string(),
  workspace_id: z.string().optional(),
  low_balance_threshold_minor: z.number().int().nullish(),
});

export const lenientPricingSchema = lenient(wallet.pricingSchema, {
  currency: z.string(),
  outbound_per_min_kes: z.number(),
  inbound_per_min_kes: z.number(),
  number_monthly_kes: z.number().optional(),
  recording_free_gb: z.number().optional(),
  updated_at: z.string().optional(),
});

/** GET /v1/calls/stats: the totals the app reads (series and the rest pass through). */
export const lenientCallStatsSchema = lenient(stats.callStatsSchema, {
  total: z.number().int().nonnegative(),
  spend_minor: z.number().int().nonnegative(),
  currency: z.string(),
});

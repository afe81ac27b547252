import { z } from "zod";
import { timestampSchema } from "./common";

export const walletBalanceSchema = z.object({
  workspace_id: z.string(),
  balance_minor: z.number().int(),
  currency: z.string(),
  low_balance_threshold_minor: z.number().int(),
});
export type WalletBalance = z.infer<typeof walletBalanceSchema>;

export const pricingSchema = z.object({
  currency: z.string(),
  number_monthly_kes: z.number(),
  outbound_per_min_kes: z.number(),
  inbound_per_min_kes: z.number(),
  recording_free_gb: z.number(),
  updated_at: timestampSchema,
});
export type Pricing = z.infer<typeof pricingSchema>;

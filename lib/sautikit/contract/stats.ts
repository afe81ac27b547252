import { z } from "zod";
import { timestampSchema } from "./common";

// GET /v1/calls/stats (SDK 0.2.0): totals over a window and, with `bucket`, a zero-filled series.

export const statsSinceSchema = z.union([z.enum(["today", "7d", "month"]), timestampSchema], {
  error: "use today, 7d, month or an RFC 3339 time such as 2026-12-01T00:00:00Z",
});

export const callStatsQuerySchema = z.strictObject({
  since: statsSinceSchema.default("today"),
  bucket: z.enum(["hour", "day"]).optional(),
});
export type CallStatsQuery = z.output<typeof callStatsQuerySchema>;

export const statsBucketSchema = z.object({
  start: timestampSchema,
  total: z.number().int().nonnegative(),
  inbound: z.number().int().nonnegative(),
  outbound: z.number().int().nonnegative(),
  completed: z.number().int().nonnegative(),
  missed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  spend_minor: z.number().int().nonnegative(),
});
export type StatsBucket = z.infer<typeof statsBucketSchema>;

export const callStatsSchema = z.object({
  total: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  minutes_total: z.number().nonnegative(),
  spend_minor: z.number().int().nonnegative(),
  currency: z.string(),
  series: z.array(statsBucketSchema).optional(),
});
export type CallStats = z.infer<typeof callStatsSchema>;

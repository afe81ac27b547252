import { z } from "zod";

// Deliberate misbehaviour, set through POST /_emulator/faults (merged) and cleared with DELETE.
// Field names match the phones console's faults panel.
export const faultsSchema = z.strictObject({
  /** Every webhook delivery attempt is sent twice (same event id, distinct delivery ids). */
  duplicate: z.boolean().optional(),
  /** First attempts are held for a short window and released newest first. */
  reorder: z.boolean().optional(),
  /** Each first attempt is held this long before sending. */
  delay_ms: z.number().int().min(0).max(600_000).optional(),
  /** The first N attempts of every event delivery are dropped (never sent) and retried on schedule. */
  drop_first: z.number().int().min(0).max(7).optional(),
  /** Percentage of /v1 API requests answered 500 internal_error. */
  api_5xx_rate: z.number().min(0).max(100).optional(),
  /** Every /v1 API request is answered 503 service_unavailable. */
  outage: z.boolean().optional(),
  /** Latency added before every /v1 API answer. */
  slow_answer_ms: z.number().int().min(0).max(60_000).optional(),
});
export type Faults = z.infer<typeof faultsSchema>;

export class FaultState {
  current: Faults = {};

  merge(next: Faults): Faults {
    this.current = { ...this.current, ...next };
    for (const [k, v] of Object.entries(this.current)) if (v === false || v === 0) delete this.current[k as keyof Faults];
    return this.current;
  }

  clear(): void {
    this.current = {};
  }
}

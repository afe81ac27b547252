import { createHash, randomInt } from "node:crypto";
import { z } from "zod";

// Deliberate misbehaviour, set through POST /_emulator/faults (merged) and cleared with DELETE.
// Field names match the phones console's faults panel.
export const faultsSchema = z.strictObject({
  /** Every webhook delivery attempt is sent twice (same event id, distinct delivery ids). */
  duplicate: z.boolean().optional(),
  /** Percentage of events whose deliveries are sent twice (chosen by the seeded generator). */
  duplicate_rate: z.number().min(0).max(100).optional(),
  /** First attempts are held for a short window and released newest first. */
  reorder: z.boolean().optional(),
  /** Each first attempt is held this long before sending. */
  delay_ms: z.number().int().min(0).max(600_000).optional(),
  /** The first N attempts of every event delivery are dropped (never sent) and retried on schedule. */
  drop_first: z.number().int().min(0).max(7).optional(),
  /** Percentage of events whose first attempt is dropped and retried on schedule (seeded). */
  drop_rate: z.number().min(0).max(100).optional(),
  /** Percentage of /v1 API requests answered 500 internal_error (seeded). */
  api_5xx_rate: z.number().min(0).max(100).optional(),
  /** Every /v1 API request is answered 503 service_unavailable. */
  outage: z.boolean().optional(),
  /** Latency added before every /v1 API answer. */
  slow_answer_ms: z.number().int().min(0).max(60_000).optional(),
});
export type Faults = z.infer<typeof faultsSchema>;

/** POST /_emulator/faults: the faults plus, optionally, the seed of every random choice they make. */
export const faultsRequestSchema = faultsSchema.extend({ seed: z.number().int().min(0).max(0xffff_ffff).optional() });

export type FaultStream = "api_5xx" | "duplicate" | "drop" | "retry_wait";

/**
 * The faults in force and the seed behind every random choice they make: which /v1 requests get a
 * 5xx, which events are duplicated or dropped, and each retry's jittered wait (reorder is not random:
 * newest first). Each kind of choice has its own numbered stream, u = sha256(seed:kind:n), so the
 * n-th choice of a kind is the same in every run with the same seed, whatever the other kinds did.
 * A seed is always in force (random at start, shown in the console), so any run can be replayed.
 */
export class FaultState {
  current: Faults = {};
  private seedValue: number;
  private readonly counters = new Map<FaultStream, number>();

  constructor(seed: number = randomInt(0, 0xffff_ffff)) {
    this.seedValue = seed;
  }

  get seed(): number {
    return this.seedValue;
  }

  /** Draws counted so far per stream since the seed was (re)set: shown in the console. */
  get draws(): Record<string, number> {
    return Object.fromEntries(this.counters);
  }

  merge(next: Faults & { seed?: number }): Faults {
    const { seed, ...faults } = next;
    if (seed !== undefined) this.reseed(seed);
    this.current = { ...this.current, ...faults };
    for (const [k, v] of Object.entries(this.current))
      if (v === false || v === 0) delete this.current[k as keyof Faults];
    return this.current;
  }

  /** Restarts every stream from `seed` (the same seed replays the same choices). */
  reseed(seed: number = this.seedValue): void {
    this.seedValue = seed;
    this.counters.clear();
  }

  /** The next number in [0, 1) of one stream. */
  draw(stream: FaultStream): number {
    const n = this.counters.get(stream) ?? 0;
    this.counters.set(stream, n + 1);
    return createHash("sha256").update(`${this.seedValue}:${stream}:${n}`).digest().readUInt32BE(0) / 0x1_0000_0000;
  }

  /** True with `percent` % probability, drawn from the stream (no draw when the rate is off). */
  chance(stream: FaultStream, percent: number | undefined): boolean {
    if (!percent) return false;
    return this.draw(stream) * 100 < percent;
  }

  clear(): void {
    this.current = {};
  }
}

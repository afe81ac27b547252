import "server-only";
import { OUTBOUND_RATE_PER_MINUTE_MINOR } from "@/lib/sautikit/contract/constants";
import type { SautikitClient } from "@/lib/sautikit/client";
import { log } from "@/lib/log";

// The per-minute outbound rate from Sautikit's public pricing, cached for ten minutes; the pinned
// rate when pricing cannot be read (a leg must never fail to dial because pricing was slow).

let cached: { rate: number; until: number } | null = null;

export async function outboundRatePerMinuteMinor(client: SautikitClient): Promise<number> {
  if (cached && cached.until > Date.now()) return cached.rate;
  try {
    const pricing = await client.pricing();
    const rate = Math.round(Number(pricing.outbound_per_min_kes) * 100);
    if (!Number.isFinite(rate) || rate < 0) throw new Error("bad pricing");
    cached = { rate, until: Date.now() + 10 * 60_000 };
    return rate;
  } catch (err) {
    log.warn({ err }, "pricing unavailable; using the pinned outbound rate");
    return OUTBOUND_RATE_PER_MINUTE_MINOR;
  }
}

import "server-only";
import { DEFAULT_RATE_LIMIT_PER_SECOND } from "@/lib/sautikit/contract/constants";

// The workspace's POST /v1/calls rate limit as Sautikit last reported it (X-RateLimit-Limit), so
// Call everyone spaces its dials to the account's real limit. Per process; the pinned default
// until a first dial has told us.

const limits = new Map<string, number>();

export function rememberDialRate(workspaceId: string, limitPerSecond: number | undefined): void {
  if (limitPerSecond && Number.isFinite(limitPerSecond) && limitPerSecond > 0) limits.set(workspaceId, limitPerSecond);
}

export function dialRatePerSecond(workspaceId: string): number {
  return limits.get(workspaceId) ?? DEFAULT_RATE_LIMIT_PER_SECOND;
}

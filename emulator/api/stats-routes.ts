import { CURRENCY } from "../../lib/sautikit/contract/constants";
import { callStatsQuerySchema, type CallStats, type StatsBucket } from "../../lib/sautikit/contract/stats";
import type { Emulator } from "../context";
import { apiError, ok, parseValue } from "../http/respond";
import type { LiveCall } from "../state/types";
import type { ApiRoutes } from "./api-routes";

// GET /v1/calls/stats?since=today|7d|month|<RFC 3339>&bucket=hour|day.
// Counted: the workspace's calls that STARTED in the window and have ENDED (a live call's outcome is
// not known yet), plus client/SIP supervisor charges that fell in the window. Calendar boundaries
// (today, month, day buckets) are Nairobi time (UTC+3 all year). Top-level `failed` is every
// non-completed outcome, as on Sautikit's dashboard; in the series a call is exactly one of
// completed, missed (no_answer, busy, canceled) or failed (failed), so they add up to `total`.

const NAIROBI_OFFSET_MS = 3 * 3600_000;
const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;
const MAX_BUCKETS = 2000;

export function statsRoutes(api: ApiRoutes): void {
  api.authed("GET", "/v1/calls/stats", (ctx, ws) => {
    const query = parseValue(Object.fromEntries(ctx.url.searchParams), callStatsQuerySchema);
    const now = Date.now();
    return ok(callStats(api.em, ws.id, sinceMs(query.since, now), now, query.bucket));
  });
}

export function sinceMs(since: string, now: number): number {
  const local = now + NAIROBI_OFFSET_MS;
  if (since === "today") return Math.floor(local / DAY_MS) * DAY_MS - NAIROBI_OFFSET_MS;
  if (since === "7d") return now - 7 * DAY_MS;
  if (since === "month") {
    const d = new Date(local);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) - NAIROBI_OFFSET_MS;
  }
  return Date.parse(since);
}

/** Start of the bucket holding `t`: UTC hours (Nairobi's offset is whole hours), Nairobi days. */
function bucketStart(t: number, bucket: "hour" | "day"): number {
  if (bucket === "hour") return Math.floor(t / HOUR_MS) * HOUR_MS;
  return Math.floor((t + NAIROBI_OFFSET_MS) / DAY_MS) * DAY_MS - NAIROBI_OFFSET_MS;
}

export function callStats(
  em: Emulator,
  workspaceId: string,
  since: number,
  now: number,
  bucket?: "hour" | "day",
): CallStats {
  const calls = [...em.store.calls.values()].filter((c) => {
    if (c.workspace_id !== workspaceId || !c.ended_at) return false;
    const t = Date.parse(c.started_at);
    return t >= since && t <= now;
  });
  const charges = em.supervision.charges.filter(
    (c) => c.workspace_id === workspaceId && c.at_ms >= since && c.at_ms <= now,
  );

  const stats: CallStats = {
    total: calls.length,
    failed: calls.filter((c) => c.status !== "completed").length,
    minutes_total: Math.round((calls.reduce((s, c) => s + (c.duration_seconds ?? 0), 0) / 60) * 100) / 100,
    spend_minor: calls.reduce((s, c) => s + c.cost_minor, 0) + charges.reduce((s, c) => s + c.cost_minor, 0),
    currency: CURRENCY,
  };
  if (!bucket) return stats;

  const step = bucket === "hour" ? HOUR_MS : DAY_MS;
  const first = bucketStart(Math.min(since, now), bucket);
  const count = Math.floor((bucketStart(now, bucket) - first) / step) + 1;
  if (count > MAX_BUCKETS)
    throw apiError(
      "validation.failed",
      `since: a ${bucket} series from there would have ${count} slots (at most ${MAX_BUCKETS}); use a later since or bucket=day.`,
    );
  const series: StatsBucket[] = Array.from({ length: count }, (_, i) => ({
    start: new Date(first + i * step).toISOString(),
    total: 0,
    inbound: 0,
    outbound: 0,
    completed: 0,
    missed: 0,
    failed: 0,
    spend_minor: 0,
  }));
  const slot = (t: number) => series[Math.floor((bucketStart(t, bucket) - first) / step)];
  for (const c of calls) {
    const s = slot(Date.parse(c.started_at))!;
    s.total += 1;
    s[c.direction] += 1;
    s[outcome(c)] += 1;
    s.spend_minor += c.cost_minor;
  }
  for (const c of charges) slot(c.at_ms)!.spend_minor += c.cost_minor;
  return { ...stats, series };
}

function outcome(c: LiveCall): "completed" | "missed" | "failed" {
  if (c.status === "completed") return "completed";
  if (c.status === "failed") return "failed";
  return "missed";
}

import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { getSautikitClient } from "@/lib/sautikit/connection";
import { unavailableReason, type UnavailableReason } from "@/lib/sautikit/unavailable-reason";
import { assertAdmin } from "@/lib/workspaces/assert-admin";
import { monthStartNairobi } from "@/lib/spend/spend-summary";

// This month's spend as Sautikit bills it (GET /v1/calls/stats from the start of the Nairobi
// month) next to Mkutano's own figure (the billed cost of its legs created since then). They
// differ when the account is also used outside Mkutano, by supervision legs, or for a few seconds
// while a finished call's billed cost is still on its way to Mkutano.

export type MonthSpendComparison =
  | {
      status: "ok";
      since: string;
      sautikitMinor: number;
      mkutanoMinor: number;
      differenceMinor: number;
      matches: boolean;
    }
  | { status: "unavailable"; since: string; mkutanoMinor: number; reason: UnavailableReason };

export async function compareMonthSpend(actor: Actor, now: Date = new Date()): Promise<MonthSpendComparison> {
  assertAdmin(actor);
  const since = monthStartNairobi(now, 0);
  const own = await db.leg.aggregate({
    where: { workspaceId: actor.workspaceId, createdAt: { gte: since } },
    _sum: { costMinor: true },
  });
  const mkutanoMinor = own._sum.costMinor ?? 0;
  try {
    const client = await getSautikitClient(actor.workspaceId, { maxAttempts: 1, timeoutMs: 4_000 });
    const stats = await client.calls.stats({ since: since.toISOString() });
    const differenceMinor = stats.spend_minor - mkutanoMinor;
    return {
      status: "ok",
      since: since.toISOString(),
      sautikitMinor: stats.spend_minor,
      mkutanoMinor,
      differenceMinor,
      matches: differenceMinor === 0,
    };
  } catch (err) {
    log.warn({ err, workspaceId: actor.workspaceId }, "Sautikit call stats unavailable");
    return { status: "unavailable", since: since.toISOString(), mkutanoMinor, reason: unavailableReason(err) };
  }
}

import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { assertAdmin } from "@/lib/workspaces/assert-admin";

// Spend per month and per meeting, from the final cost of each leg (what Sautikit billed at hangup).
// Months are calendar months in Nairobi time (UTC+3 all year; stored times are UTC).

export const spendQuerySchema = z.object({
  months: z.coerce.number().int().min(1).max(36).default(12),
});

export type MonthSpend = { month: string; costMinor: number; legs: number; billedSeconds: number };
export type MeetingSpendRow = {
  meetingId: string;
  title: string;
  startsAt: string;
  status: string;
  costMinor: number;
  legs: number;
  billedSeconds: number;
  budgetMinor: number | null;
};
export type SpendSummary = { months: MonthSpend[]; meetings: MeetingSpendRow[]; totalMinor: number; since: string };

export async function spendSummary(actor: Actor, query: z.input<typeof spendQuerySchema> = {}): Promise<SpendSummary> {
  assertAdmin(actor);
  const { months } = spendQuerySchema.parse(query);
  const since = monthStartNairobi(new Date(), months - 1);

  const monthRows = await db.$queryRaw<{ month: string; cost: bigint | null; legs: bigint; seconds: bigint | null }[]>`
    SELECT to_char(date_trunc('month', "createdAt" + interval '3 hours'), 'YYYY-MM') AS month,
           SUM(COALESCE("costMinor", 0)) AS cost, COUNT(*) AS legs, SUM(COALESCE("durationSeconds", 0)) AS seconds
      FROM "Leg"
     WHERE "workspaceId" = ${actor.workspaceId} AND "createdAt" >= ${since}
     GROUP BY 1 ORDER BY 1`;
  const byMonth = new Map(monthRows.map((r) => [r.month, r]));
  const monthList: MonthSpend[] = [];
  for (let i = months - 1; i >= 0; i--) {
    const key = monthKey(monthStartNairobi(new Date(), i));
    const r = byMonth.get(key);
    monthList.push({
      month: key,
      costMinor: Number(r?.cost ?? 0),
      legs: Number(r?.legs ?? 0),
      billedSeconds: Number(r?.seconds ?? 0),
    });
  }

  const grouped = await db.leg.groupBy({
    by: ["meetingId"],
    where: { workspaceId: actor.workspaceId, createdAt: { gte: since } },
    _sum: { costMinor: true, durationSeconds: true },
    _count: { _all: true },
  });
  const meetings = await db.meeting.findMany({
    where: { workspaceId: actor.workspaceId, id: { in: grouped.map((g) => g.meetingId) } },
    select: { id: true, title: true, startsAt: true, status: true, budgetMinor: true },
  });
  const byId = new Map(meetings.map((m) => [m.id, m]));
  const meetingRows: MeetingSpendRow[] = grouped
    .filter((g) => byId.has(g.meetingId))
    .map((g) => {
      const m = byId.get(g.meetingId)!;
      return {
        meetingId: m.id,
        title: m.title,
        startsAt: m.startsAt.toISOString(),
        status: m.status,
        costMinor: g._sum.costMinor ?? 0,
        legs: g._count._all,
        billedSeconds: g._sum.durationSeconds ?? 0,
        budgetMinor: m.budgetMinor,
      };
    })
    .sort((a, b) => b.costMinor - a.costMinor || b.startsAt.localeCompare(a.startsAt));

  return {
    months: monthList,
    meetings: meetingRows,
    totalMinor: monthList.reduce((s, m) => s + m.costMinor, 0),
    since: since.toISOString(),
  };
}

const EAT_MS = 3 * 3600_000;

/** The instant a Nairobi calendar month began, `back` months before the current one. */
export function monthStartNairobi(now: Date, back: number): Date {
  const local = new Date(now.getTime() + EAT_MS);
  const start = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - back, 1);
  return new Date(start - EAT_MS);
}

function monthKey(start: Date): string {
  const local = new Date(start.getTime() + EAT_MS);
  return `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, "0")}`;
}

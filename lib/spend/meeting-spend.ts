import "server-only";
import { db } from "@/lib/db";
import { legCostAt } from "@/lib/shared/cost";

// What a meeting has cost so far: final costs of ended legs plus live legs metered per second from
// their answer (Sautikit debits at hangup, so waiting for the bill would overshoot a budget).

export type MeetingSpend = { spentMinor: number; finalMinor: number; liveMinor: number; liveLegs: number };

export async function meetingSpend(
  meetingId: string,
  workspaceId: string,
  now: number = Date.now(),
): Promise<MeetingSpend> {
  const legs = await db.leg.findMany({
    where: { meetingId, workspaceId },
    select: { costMinor: true, answeredAt: true, endedAt: true, ratePerMinuteMinor: true },
  });
  let finalMinor = 0;
  let liveMinor = 0;
  let liveLegs = 0;
  for (const l of legs) {
    if (l.costMinor !== null) {
      finalMinor += l.costMinor;
      continue;
    }
    const cost = legCostAt(
      {
        costMinor: null,
        answeredAt: l.answeredAt?.getTime() ?? null,
        endedAt: l.endedAt?.getTime() ?? null,
        ratePerMinuteMinor: l.ratePerMinuteMinor,
      },
      now,
    );
    if (l.answeredAt && !l.endedAt) liveLegs += 1;
    liveMinor += cost;
  }
  return { spentMinor: finalMinor + liveMinor, finalMinor, liveMinor, liveLegs };
}

"use client";

import { useLiveData } from "@/lib/hooks/use-live-data";
import { useSharedNow } from "@/lib/hooks/use-shared-now";
import { rosterStatement } from "@/lib/shared/meeting-cost";
import { apiUrls } from "@/lib/shared/api-urls";
import type { MeetingStatement } from "@/lib/spend/meeting-statement";
import type { RosterSnapshot } from "@/lib/shared/roster-types";

/**
 * The statement as the page shows it: rebuilt from the live roster (the same live-data entry the
 * roster streams into and fetches; this only reads it) on the page's shared clock, so its rows, its
 * total and "spent so far" are the roster header's figure to the cent. The server's statement stands in until the roster arrives.
 */
export function useLiveStatement(statement: MeetingStatement): MeetingStatement {
  const id = statement.meeting.id;
  const { data: roster } = useLiveData<RosterSnapshot>(apiUrls.roster(id), null);
  const live = roster?.people.some((p) => p.legs.some((l) => l.answeredAt !== null && l.endedAt === null)) ?? false;
  const now = useSharedNow(live, Date.parse(statement.generatedAt));
  if (!roster) return statement;
  const { rows, totals } = rosterStatement(roster.people, now);
  const { budgetMinor } = statement.budget;
  const spentMinor = totals.costMinor;
  return {
    ...statement,
    rows,
    totals,
    budget: {
      budgetMinor,
      spentMinor,
      remainingMinor: budgetMinor === null ? null : Math.max(0, budgetMinor - spentMinor),
      reached: budgetMinor !== null && spentMinor >= budgetMinor,
    },
  };
}

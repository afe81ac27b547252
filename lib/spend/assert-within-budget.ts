import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { meetingSpend } from "@/lib/spend/meeting-spend";

// The per-meeting budget cap (Meeting.budgetMinor): once what the meeting has cost reaches the cap,
// no new dial-out is placed. Calls already connected are left alone; cutting people off mid-sentence
// is the organiser's decision, not the app's.

export type BudgetStatus = {
  budgetMinor: number | null;
  spentMinor: number;
  remainingMinor: number | null;
  reached: boolean;
};

export async function budgetStatus(
  meetingId: string,
  workspaceId: string,
  now: number = Date.now(),
): Promise<BudgetStatus> {
  const meeting = await db.meeting.findFirst({ where: { id: meetingId, workspaceId }, select: { budgetMinor: true } });
  if (!meeting) throw new AppError("NOT_FOUND", "meetingNotFound");
  const { spentMinor } = await meetingSpend(meetingId, workspaceId, now);
  const budget = meeting.budgetMinor;
  if (budget === null) return { budgetMinor: null, spentMinor, remainingMinor: null, reached: false };
  return {
    budgetMinor: budget,
    spentMinor,
    remainingMinor: Math.max(0, budget - spentMinor),
    reached: spentMinor >= budget,
  };
}

/** Throws BUDGET_EXCEEDED when the meeting's budget is used up; call before every new dial-out. */
export async function assertWithinBudget(meetingId: string, workspaceId: string): Promise<void> {
  const s = await budgetStatus(meetingId, workspaceId);
  if (s.reached) {
    throw new AppError("BUDGET_EXCEEDED", "budgetReached", {
      params: { spent: { kes: s.spentMinor }, budget: { kes: s.budgetMinor! } },
      details: { budgetMinor: s.budgetMinor, spentMinor: s.spentMinor },
    });
  }
}

import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordChange } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { findMeetingForActor } from "@/lib/meetings/meeting-scope";
import { budgetInputSchema, type BudgetInput, type BudgetResult } from "@/lib/shared/api-schemas";

/** Sets or removes a meeting's budget cap (the organiser of the meeting, or an admin). */
export async function setMeetingBudget(actor: Actor, meetingId: string, input: BudgetInput): Promise<BudgetResult> {
  const { budgetMinor } = budgetInputSchema.parse(input);
  const meeting = await findMeetingForActor(actor, meetingId);
  await db.$transaction(async (tx) => {
    await tx.meeting.update({ where: { id: meeting.id }, data: { budgetMinor } });
    await recordChange(
      actor,
      { action: "meeting.budget_changed", target: meeting.id, from: meeting.budgetMinor, to: budgetMinor },
      tx,
    );
  });
  return { budgetMinor };
}

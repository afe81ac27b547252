import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { findMeetingForActor } from "@/lib/meetings/meeting-scope";

export const MAX_BUDGET_MINOR = 10_000_000; // KES 100,000

export const budgetInputSchema = z.object({
  // null removes the cap.
  budgetMinor: z
    .number({ error: "Enter the budget in KES." })
    .int("Use whole cents.")
    .min(1, "A budget must be more than KES 0.")
    .max(MAX_BUDGET_MINOR, "A meeting budget can be at most KES 100,000.")
    .nullable(),
});

/** Sets or removes a meeting's budget cap (the organiser of the meeting, or an admin). */
export async function setMeetingBudget(actor: Actor, meetingId: string, input: z.input<typeof budgetInputSchema>) {
  const { budgetMinor } = budgetInputSchema.parse(input);
  const meeting = await findMeetingForActor(actor, meetingId);
  await db.$transaction(async (tx) => {
    await tx.meeting.update({ where: { id: meeting.id }, data: { budgetMinor } });
    await recordAudit(
      {
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        action: "meeting.budget_changed",
        target: meeting.id,
        details: { from: meeting.budgetMinor, to: budgetMinor },
      },
      tx,
    );
  });
  return { budgetMinor };
}

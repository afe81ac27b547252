import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { findLegForCall } from "@/lib/roster/find-leg";

// The dial-out story in the audit log: a leg that ended in a way the organiser will ask about
// (declined, no person — a voicemail most likely —, dropped, reminded) or that Mkutano placed on its
// own (a re-dial, a reminder) gets one entry when its call's end is first applied, with the reason,
// what the call was for, and its billed seconds and cost, under the same reason names as the roster
// and the statement.

const NOTABLE_REASONS = new Set(["declined", "no_person", "dropped", "dropped_calling_back", "reminded"]);

export async function auditLegOutcome(
  workspaceId: string,
  call: { callId?: string; clientRequestId?: string },
): Promise<void> {
  // The same matching rule the roster applied the call's end with, so the entry names that leg.
  const leg = await findLegForCall(db, workspaceId, call.callId, call.clientRequestId);
  if (!leg || leg.state !== "left" || !leg.endReason) return;
  if (!NOTABLE_REASONS.has(leg.endReason) && leg.purpose === "dial") return;
  const participant = leg.participantId
    ? await db.participant.findUnique({ where: { id: leg.participantId }, select: { name: true } })
    : null;
  await recordAudit({
    workspaceId,
    actorId: null,
    action: `call.${leg.endReason}`,
    target: leg.meetingId,
    details: {
      leg: leg.id,
      person: participant?.name ?? null,
      purpose: leg.purpose,
      reason: leg.endReason,
      billedSeconds: leg.durationSeconds ?? 0,
      costMinor: leg.costMinor ?? 0,
    },
  });
}

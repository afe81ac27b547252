import "server-only";
import { db } from "@/lib/db";
import type { CallEvent } from "@/lib/webhooks/payloads";
import type { CallOutcome, RosterEvent } from "@/lib/roster/roster-event";
import { findLegForCall } from "@/lib/roster/find-leg";
import { recordRosterEvents } from "@/lib/roster/recompute-roster";
import { notifyRosterChanged } from "@/lib/roster/roster-bus";
import type { ApplyOutcome } from "@/lib/roster/apply-conference-event";

type FactBody = RosterEvent extends infer E ? (E extends RosterEvent ? Omit<E, "legId" | "key" | "at"> : never) : never;

const OUTCOMES = new Set<CallOutcome>(["no_answer", "busy", "failed", "canceled"]);

function failedOutcome(ev: CallEvent): CallOutcome {
  for (const v of [ev.data.callStatus, ev.data.failureReason, ev.data.status]) {
    if (v && OUTCOMES.has(v as CallOutcome)) return v as CallOutcome;
  }
  return "failed";
}

/** Applies one call.* lifecycle event to the leg it is about (calls the app does not know are ignored). */
export async function applyCallEvent(workspaceId: string, ev: CallEvent, eventKey: string): Promise<ApplyOutcome> {
  const at = (ev.occurredAt ?? ev.data.endedAt ?? new Date()).getTime();
  let fact: FactBody | null = null;
  switch (ev.kind) {
    case "call.started":
      fact = { kind: "call.ringing" };
      break;
    case "call.answered":
      fact = { kind: "call.answered" };
      break;
    case "call.completed":
      fact = { kind: "call.ended", outcome: "completed", durationSeconds: ev.data.durationSeconds, costMinor: ev.data.costMinor };
      break;
    case "call.failed":
      fact = { kind: "call.ended", outcome: failedOutcome(ev), durationSeconds: 0, costMinor: 0 };
      break;
    default:
      return { applied: false, reason: `not a roster event (${ev.kind})` };
  }
  const answeredAt = ev.kind === "call.answered" ? ev.data.answeredAt : undefined;

  const result = await db.$transaction(async (tx) => {
    const leg = await findLegForCall(tx, workspaceId, ev.data.callId, ev.data.clientRequestId);
    if (!leg) return null;
    if (!leg.callId) await tx.leg.update({ where: { id: leg.id }, data: { callId: ev.data.callId } });
    const event = { ...fact, key: eventKey, legId: leg.id, at: answeredAt?.getTime() ?? at } as RosterEvent;
    return { meetingId: leg.meetingId, applied: await recordRosterEvents(tx, workspaceId, leg.meetingId, [event]) };
  });
  if (!result) return { applied: false, reason: "unknown call" };
  if (result.applied) notifyRosterChanged(result.meetingId);
  return { applied: result.applied };
}

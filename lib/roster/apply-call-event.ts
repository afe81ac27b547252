import "server-only";
import type { CallEvent } from "@/lib/webhooks/payloads";
import type { CallOutcome, RosterEvent } from "@/lib/roster/roster-event";
import type { ApplyOutcome } from "@/lib/roster/apply-conference-event";
import { applyRosterWork } from "@/lib/roster/roster-batch";
import { HANGUP_NETWORK_DROP } from "@/lib/sautikit/contract/constants";
import { scheduleRedialAfterDrop } from "@/lib/meetings/redial-after-drop";
import { auditLegOutcome } from "@/lib/roster/audit-leg-outcome";

type FactBody = RosterEvent extends infer E ? (E extends RosterEvent ? Omit<E, "legId" | "key" | "at"> : never) : never;

const OUTCOMES = new Set<CallOutcome>(["no_answer", "busy", "failed", "canceled"]);

function failedOutcome(ev: CallEvent): CallOutcome {
  for (const v of [ev.data.callStatus, ev.data.failureReason, ev.data.status]) {
    if (v && OUTCOMES.has(v as CallOutcome)) return v as CallOutcome;
  }
  return "failed";
}

/** Applies one call.* lifecycle event to the leg it is about (calls the app does not know are ignored); batched like conference events. */
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
      fact = {
        kind: "call.ended",
        outcome: "completed",
        durationSeconds: ev.data.durationSeconds,
        costMinor: ev.data.costMinor,
        // The network dropped it (Q.850 38); any other cause, known or not, is a normal hang-up.
        ...(ev.data.hangupCause?.toLowerCase() === HANGUP_NETWORK_DROP ? { dropped: true } : {}),
      };
      break;
    case "call.failed":
      fact = { kind: "call.ended", outcome: failedOutcome(ev), durationSeconds: 0, costMinor: 0 };
      break;
    default:
      return { applied: false, reason: `not a roster event (${ev.kind})` };
  }
  const answeredAt = ev.kind === "call.answered" ? ev.data.answeredAt : undefined;
  const body = fact;
  const dropped = fact.kind === "call.ended" && fact.dropped === true;
  const result = await applyRosterWork({
    workspaceId,
    leg: { callId: ev.data.callId, clientRequestId: ev.data.clientRequestId },
    fact: (legId) => ({ ...body, key: eventKey, legId, at: answeredAt?.getTime() ?? at }) as RosterEvent,
  });
  // After a network drop: call the person back (decided under the meeting lock, at most once per
  // leg). Also when this delivery found the fact already stored: an instance that stored it may have
  // crashed before scheduling, and scheduling again changes nothing.
  const call = { callId: ev.data.callId, clientRequestId: ev.data.clientRequestId };
  if (dropped) await scheduleRedialAfterDrop(workspaceId, call);
  // Once per call end (a redelivery of the stored event is not applied again).
  if (fact.kind === "call.ended" && result.applied) await auditLegOutcome(workspaceId, call);
  return { applied: result.applied, ...(result.reason ? { reason: result.reason } : {}) };
}

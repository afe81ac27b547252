import type { CallEvent } from "../../lib/sautikit/contract/call-events";
import type { Emulator } from "../context";
import type { LiveCall } from "../state/types";
import { iso, newId } from "../util";

// call.* lifecycle events: recorded on the call (events[]) and sent to its number's events_url.

type Kind = CallEvent["kind"];
type DataOf<K extends Kind> = Extract<CallEvent, { kind: K }>["data"];

export function legData(call: LiveCall) {
  const from = call.direction === "outbound" ? call.presented_e164 : call.remote_e164;
  const to = call.direction === "outbound" ? call.remote_e164 : call.local_e164;
  return {
    call_id: call.id,
    session_id: call.session_id,
    pbx_call_id: call.session_id,
    direction: call.direction,
    from,
    to,
    number_id: call.number_id,
    ...(call.label ? { clientRequestId: call.label } : {}),
  };
}

export function emitCallEvent<K extends Kind>(em: Emulator, call: LiveCall, kind: K, data: DataOf<K>): void {
  emitEvent(em, call, kind, data);
}

/**
 * Any event about a call (call.* here, supervision.* from the supervision engine): recorded on the
 * call and sent, signed with the number's secret, to its number's events_url when it has one.
 */
export function emitEvent(em: Emulator, call: LiveCall, kind: string, data: object): void {
  const { eventId, now } = recordEvent(call, kind, data as Record<string, unknown>);
  const workspace = em.store.workspaces.get(call.workspace_id);
  const number = workspace && em.store.numberById(workspace, call.number_id);
  if (!number?.events_url) return;
  const envelope = { kind, event_id: eventId, workspace_id: call.workspace_id, occurred_at: now, data };
  em.deliverer.enqueue({
    kind,
    url: number.events_url,
    eventId,
    body: JSON.stringify(envelope),
    contentType: "application/json",
    secret: number.voice_signing_secret,
    workspaceId: call.workspace_id,
  });
}

/** A note on the call's own event list (not a webhook), e.g. why a leg was failed. */
export function noteCallEvent(call: LiveCall, kind: string, payload: Record<string, unknown>): void {
  recordEvent(call, kind, payload);
}

function recordEvent(call: LiveCall, kind: string, payload: Record<string, unknown>): { eventId: string; now: string } {
  const now = iso();
  const eventId = newId();
  call.events.push({ id: eventId, call_id: call.id, kind, payload, occurred_at: now, created_at: now });
  call.updated_at = now;
  return { eventId, now };
}

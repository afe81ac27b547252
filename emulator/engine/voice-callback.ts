import { buildVoiceCallbackBody } from "../../lib/sautikit/contract/callbacks";
import { encodeFormBody } from "../../lib/sautikit/contract/common";
import { CLIENT_REQUEST_ID_QUERY_MAX_BYTES } from "../../lib/sautikit/contract/constants";
import { checkVoiceResponse, type VoiceAction } from "../../lib/sautikit/contract/voice-actions";
import type { Emulator } from "../context";
import type { LiveCall } from "../state/types";
import { newId } from "../util";
import { noteCallEvent } from "./call-events";

// One voice callback: POST the call's state to the app, check the reply (docs/sautikit.md §4). Used
// by the flow that starts a call (voice-flow.ts) and by the verbs that fetch again (getDigits,
// redirect in verbs.ts), so neither of those imports the other.

export type FetchResult = { ok: true; actions: VoiceAction[] } | { ok: false; code: string; message: string };

export function callbackUrlOf(em: Emulator, call: LiveCall): string | null {
  if (call.voice_callback_url) return call.voice_callback_url;
  const ws = em.store.workspaces.get(call.workspace_id);
  return (ws && em.store.numberById(ws, call.number_id)?.voice_callback_url) ?? null;
}

export async function fetchActions(
  em: Emulator,
  call: LiveCall,
  url: string,
  extra: { digits?: string; kind?: string } = {},
): Promise<FetchResult> {
  const target = new URL(url);
  if (call.label && call.direction === "outbound") {
    const encoded = encodeURIComponent(call.label);
    if (Buffer.byteLength(encoded) <= CLIENT_REQUEST_ID_QUERY_MAX_BYTES)
      target.searchParams.set("clientRequestId", call.label);
  }
  const outbound = call.direction === "outbound";
  const body = buildVoiceCallbackBody({
    callId: call.id,
    sessionId: call.session_id,
    from: outbound ? call.presented_e164 : call.remote_e164,
    to: outbound ? call.remote_e164 : call.local_e164,
    direction: call.direction,
    status: call.status === "answered" ? "answered" : "ringing",
    digits: extra.digits,
    clientRequestId: call.label ?? undefined,
  });
  const ws = em.store.workspaces.get(call.workspace_id)!;
  const number = em.store.numberById(ws, call.number_id)!;
  const result = await em.deliverer.sendOnce({
    kind: extra.kind ?? "voice.callback",
    url: target.toString(),
    eventId: newId(),
    body: encodeFormBody(body),
    contentType: "application/x-www-form-urlencoded",
    secret: number.voice_signing_secret,
    workspaceId: call.workspace_id,
  });
  if (!result.ok) return { ok: false, code: "voice_callback_failed", message: result.error ?? "callback failed" };
  let doc: unknown;
  try {
    doc = JSON.parse(result.text);
  } catch {
    return { ok: false, code: "invalid_voice_response", message: "the reply is not JSON" };
  }
  const checked = checkVoiceResponse(doc);
  return checked.ok
    ? { ok: true, actions: checked.actions }
    : { ok: false, code: "invalid_voice_response", message: checked.error };
}

/** Records why and hangs the leg up with that failure code. */
export function failLeg(em: Emulator, call: LiveCall, code: string, message: string): void {
  noteCallEvent(call, "call.error", { code, message });
  em.calls.end(call, "failed", { failureCode: code });
}

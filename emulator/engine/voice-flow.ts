import { buildVoiceCallbackBody } from "../../lib/sautikit/contract/callbacks";
import { encodeFormBody } from "../../lib/sautikit/contract/common";
import { CLIENT_REQUEST_ID_QUERY_MAX_BYTES } from "../../lib/sautikit/contract/constants";
import { checkVoiceResponse, type VoiceAction } from "../../lib/sautikit/contract/voice-actions";
import type { Emulator } from "../context";
import type { LiveCall } from "../state/types";
import { newId } from "../util";
import { noteCallEvent } from "./call-events";
import { runAction } from "./verbs";

// Fetches voice callbacks and runs the returned actions in order (docs/sautikit.md §4). A reply that
// cannot be used fails the leg: `voice_callback_failed` (no 2xx in 10 s) or `invalid_voice_response`.

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
    if (Buffer.byteLength(encoded) <= CLIENT_REQUEST_ID_QUERY_MAX_BYTES) target.searchParams.set("clientRequestId", call.label);
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
  return checked.ok ? { ok: true, actions: checked.actions } : { ok: false, code: "invalid_voice_response", message: checked.error };
}

/** Records why and hangs the leg up with that failure code. */
export function failLeg(em: Emulator, call: LiveCall, code: string, message: string): void {
  noteCallEvent(call, "call.error", { code, message });
  em.calls.end(call, "failed", { failureCode: code });
}

export async function startOutboundFlow(em: Emulator, call: LiveCall): Promise<void> {
  const url = callbackUrlOf(em, call);
  if (!url) return failLeg(em, call, "voice_callback_failed", "no voice_callback_url on the call or its number");
  const first = await fetchActions(em, call, url);
  if (call.ended_at) return;
  if (!first.ok) return failLeg(em, call, first.code, first.message);
  await runActions(em, call, url, first.actions);
}

/** Inbound: the first callback is fetched while ringing; a leading reject ends the call unanswered. */
export async function startInboundFlow(em: Emulator, call: LiveCall): Promise<void> {
  const url = callbackUrlOf(em, call);
  if (!url) return failLeg(em, call, "voice_callback_failed", "the dialled number has no voice_callback_url");
  const first = await fetchActions(em, call, url);
  if (call.ended_at) return;
  if (!first.ok) return failLeg(em, call, first.code, first.message);
  const head = first.actions[0];
  if (head && "reject" in head) {
    if (head.reject.reason === "busy") em.calls.end(call, "busy", { cause: "user_busy" });
    else em.calls.end(call, "failed", { failureCode: "rejected" });
    return;
  }
  em.calls.answer(call);
  await runActions(em, call, url, first.actions);
}

async function runActions(em: Emulator, call: LiveCall, url: string, initial: VoiceAction[]): Promise<void> {
  let actions = initial;
  let i = 0;
  try {
    while (!call.ended_at && i < actions.length) {
      const outcome = await runAction(em, call, url, actions[i++]!);
      if (call.ended_at || outcome.kind === "stop") return;
      if (outcome.kind === "replace") {
        actions = outcome.actions;
        i = 0;
      }
    }
    // Like every voice platform: when the document runs out, the call hangs up.
    if (!call.ended_at) em.calls.end(call, "completed", { cause: "actions_finished" });
  } catch (error) {
    if (!call.ended_at) failLeg(em, call, "internal_error", error instanceof Error ? error.message : String(error));
  }
}

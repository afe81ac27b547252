import type { VoiceAction } from "../../lib/sautikit/contract/voice-actions";
import type { Emulator } from "../context";
import type { LiveCall } from "../state/types";
import { runAction } from "./verbs";
import { callbackUrlOf, failLeg, fetchActions } from "./voice-callback";

// Fetches voice callbacks and runs the returned actions in order (docs/sautikit.md §4). A reply that
// cannot be used fails the leg: `voice_callback_failed` (no 2xx in 10 s) or `invalid_voice_response`.

export async function startOutboundFlow(em: Emulator, call: LiveCall): Promise<void> {
  const first = await firstActions(em, call, "no voice_callback_url on the call or its number");
  if (first) await runActions(em, call, first.url, first.actions);
}

/** Inbound: the first callback is fetched while ringing; a leading reject ends the call unanswered. */
export async function startInboundFlow(em: Emulator, call: LiveCall): Promise<void> {
  const first = await firstActions(em, call, "the dialled number has no voice_callback_url");
  if (!first) return;
  const head = first.actions[0];
  if (head && "reject" in head) {
    if (head.reject.reason === "busy") em.calls.end(call, "busy", { cause: "user_busy" });
    else em.calls.end(call, "failed", { failureCode: "rejected" });
    return;
  }
  em.calls.answer(call);
  await runActions(em, call, first.url, first.actions);
}

/** The first callback's actions; null once the leg is over (failed here, or hung up meanwhile). */
async function firstActions(
  em: Emulator,
  call: LiveCall,
  noUrlReason: string,
): Promise<{ url: string; actions: VoiceAction[] } | null> {
  const url = callbackUrlOf(em, call);
  if (!url) {
    failLeg(em, call, "voice_callback_failed", noUrlReason);
    return null;
  }
  const first = await fetchActions(em, call, url);
  if (call.ended_at) return null;
  if (!first.ok) {
    failLeg(em, call, first.code, first.message);
    return null;
  }
  return { url, actions: first.actions };
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

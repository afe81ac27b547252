import "server-only";
import type { VoiceResponse } from "@/lib/sautikit/contract/voice-actions";
import { PIN_LENGTH } from "@/lib/meetings/pin";
import { bilingualRefusal, bilingualSays as bilingual, type PromptPick } from "@/lib/meetings/prompts/bilingual";

// Before a PIN is entered the meeting (and so its language) is unknown: these prompts are spoken in
// English, then Swahili, each Say tagged with its own language.

/** Seconds of silence after the prompts before the (empty) answer is posted back. */
export const PIN_TIMEOUT_SECONDS = 10;

/**
 * The PIN prompt, nested in getDigits so a caller who knows the PIN can type over it (barge-in).
 * `lead` replaces the welcome on a second or third try.
 */
export function askForPin(lead: "first" | "wrong" | "none" = "first"): VoiceResponse {
  const nested =
    lead === "wrong"
      ? bilingual((p) => p.wrongPin)
      : lead === "none"
        ? bilingual((p) => p.noPinEntered)
        : bilingual((p) => p.enterPin);
  return {
    actions: [{ getDigits: { numDigits: PIN_LENGTH + 1, finishOnKey: "#", timeout: PIN_TIMEOUT_SECONDS, nested } }],
  };
}

/** A goodbye in both languages, then hang up. */
export function refuseUnidentified(pick: PromptPick): VoiceResponse {
  return bilingualRefusal(pick);
}

import type { NestedAction, VoiceResponse } from "@/lib/sautikit/contract/voice-actions";
import { en } from "@/lib/meetings/prompts/en";
import { sw } from "@/lib/meetings/prompts/sw";
import type { PromptCatalogue } from "@/lib/meetings/prompts/types";
import { voiceResponse } from "@/lib/sautikit/voice-actions";

// Only where the meeting — and so its language — is not known yet (before the PIN identifies it, a
// callback for a call that is not ours, the app failing to answer): English, then Swahili, each
// Say tagged with its own language. Once the meeting is known, every prompt is in its language only.

export type PromptPick = (p: PromptCatalogue) => string;

export function bilingualSays(...picks: PromptPick[]): NestedAction[] {
  return [en, sw].flatMap((p) => picks.map((pick) => ({ say: { text: pick(p), language: p.language } })));
}

/** A refusal in both languages, then hang up (nobody is left in silence). */
export function bilingualRefusal(pick: PromptPick): VoiceResponse {
  return voiceResponse([...bilingualSays(pick), { hangup: {} }]);
}

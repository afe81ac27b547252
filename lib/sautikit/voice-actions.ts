import {
  checkVoiceResponse,
  type ConferenceVerb,
  type DialVerb,
  type GetDigitsVerb,
  type NestedAction,
  type PlayVerb,
  type RecordVerb,
  type SayVerb,
  type VoiceAction,
  type VoiceResponse,
} from "@/lib/sautikit/contract/voice-actions";

// Builders for the voice-actions document a route answers Sautikit with. `voiceResponse` runs the
// contract's own checks (≤ 50 actions, one verb per object, dial target XOR, say/play-only nesting,
// field formats), so an invalid document is a thrown error in our code, never a dropped call.

export class InvalidVoiceResponseError extends Error {
  constructor(message: string) {
    super(`invalid voice response: ${message}`);
    this.name = "InvalidVoiceResponseError";
  }
}

export const say = (text: string, opts: Omit<SayVerb, "text"> = {}): VoiceAction => ({ say: { text, ...opts } });
export const play = (url: string, opts: Omit<PlayVerb, "url"> = {}): VoiceAction => ({ play: { url, ...opts } });
export const getDigits = (opts: Omit<GetDigitsVerb, "nested"> = {}, nested: NestedAction[] = []): VoiceAction => ({
  // An empty nested list is left out, as the SDK does.
  getDigits: nested.length ? { ...opts, nested } : { ...opts },
});
export const dial = (opts: DialVerb): VoiceAction => ({ dial: opts });
export const conference = (name: string, opts: Omit<ConferenceVerb, "name"> = {}): VoiceAction => ({
  conference: { name, ...opts },
});
export const record = (opts: RecordVerb = {}): VoiceAction => ({ record: opts });
export const redirect = (url: string, method?: "GET" | "POST"): VoiceAction => ({
  redirect: method ? { url, method } : { url },
});
export const reject = (reason?: "rejected" | "busy"): VoiceAction => ({ reject: reason ? { reason } : {} });
export const hangup = (): VoiceAction => ({ hangup: {} });

/** Nested forms for getDigits prompts (only say and play may be nested). */
export const nestedSay = (text: string, opts: Omit<SayVerb, "text"> = {}): NestedAction => ({ say: { text, ...opts } });
export const nestedPlay = (url: string, opts: Omit<PlayVerb, "url"> = {}): NestedAction => ({ play: { url, ...opts } });

// Documents voiceResponse built (and so checked): tryVoiceResponse does not check them twice on
// the voice callback's hot path. Frozen, so what was checked is what is sent.
const checkedDocs = new WeakSet<object>();

/** A checked document; throws InvalidVoiceResponseError naming the first offending action. */
export function voiceResponse(actions: VoiceAction[]): VoiceResponse {
  const doc = { actions };
  const check = checkVoiceResponse(doc);
  if (!check.ok) throw new InvalidVoiceResponseError(check.error);
  const checked: VoiceResponse = Object.freeze({ actions: Object.freeze(check.actions) as VoiceAction[] });
  checkedDocs.add(checked);
  return checked;
}

/** The non-throwing form, for code that must answer with something whatever happens. */
export function tryVoiceResponse(doc: unknown): { ok: true; doc: VoiceResponse } | { ok: false; error: string } {
  if (typeof doc === "object" && doc !== null && checkedDocs.has(doc)) return { ok: true, doc: doc as VoiceResponse };
  const check = checkVoiceResponse(doc);
  return check.ok ? { ok: true, doc: { actions: check.actions } } : { ok: false, error: check.error };
}

/** In-room digits replies may only play something to the one leg (docs/sautikit.md §5). */
export function isSayPlayOnly(doc: VoiceResponse): boolean {
  return doc.actions.every((a) => "say" in a || "play" in a);
}

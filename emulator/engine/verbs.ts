import type {
  DialVerb,
  GetDigitsVerb,
  NestedAction,
  RecordVerb,
  VoiceAction,
} from "../../lib/sautikit/contract/voice-actions";
import type { Emulator } from "../context";
import type { LiveCall } from "../state/types";
import { sleep } from "../util";
import { answersByItself, effectiveBehaviour, hear } from "./phones";
import { failLeg, fetchActions } from "./voice-callback";

// One function per verb. Prompt pacing (say/play) is scaled by EMULATOR_TIME_SCALE; waits on a
// person (getDigits timeout, record length) are real time.

export type Outcome = { kind: "next" } | { kind: "stop" } | { kind: "replace"; actions: VoiceAction[] };
const NEXT: Outcome = { kind: "next" };
const STOP: Outcome = { kind: "stop" };

const DEFAULT_GETDIGITS_TIMEOUT_S = 5;
const DEFAULT_DIAL_TIMEOUT_S = 30;
const PLAY_MS = 3000;
/** How long an auto-answering phone "thinks" before pressing its prompt key (scaled). */
const PROMPT_KEY_DELAY_MS = 500;
const MAX_RECORD_S = 3600;

export async function runAction(em: Emulator, call: LiveCall, url: string, action: VoiceAction): Promise<Outcome> {
  if ("say" in action || "play" in action) return (await speak(em, call, action)) ? NEXT : STOP;
  if ("getDigits" in action) return getDigits(em, call, url, action.getDigits);
  if ("dial" in action) return dial(em, call, action.dial);
  if ("conference" in action) {
    await em.conferences.join(call, action.conference);
    return STOP;
  }
  if ("record" in action) return record(em, call, action.record);
  if ("redirect" in action) {
    const doc = await fetchActions(em, call, action.redirect.url, { kind: "voice.redirect" });
    if (call.ended_at) return STOP;
    if (!doc.ok) {
      failLeg(em, call, doc.code, doc.message);
      return STOP;
    }
    return { kind: "replace", actions: doc.actions };
  }
  // reject after answer, and hangup: the leg ends normally.
  em.calls.end(call, "completed", { cause: "reject" in action ? "call_rejected" : "normal_clearing" });
  return STOP;
}

/** Plays one say/play to this leg; false if the call ended meanwhile. */
export async function speak(em: Emulator, call: LiveCall, action: NestedAction): Promise<boolean> {
  const phone = em.store.phone(call.remote_e164);
  const times = Math.max(1, ("say" in action ? action.say.loop : action.play.loop) ?? 1);
  for (let n = 0; n < times; n++) {
    if ("say" in action) {
      hear(phone, "say", action.say.text, action.say.language);
      em.store.changed();
      const words = action.say.text.split(/\s+/).filter(Boolean).length;
      if (!(await sleep(em.scaled(Math.min(20_000, Math.max(800, words * 400))), call.abort.signal))) return false;
    } else {
      hear(phone, "play", action.play.url);
      em.store.changed();
      if (!(await sleep(em.scaled(PLAY_MS), call.abort.signal))) return false;
    }
  }
  return true;
}

async function getDigits(em: Emulator, call: LiveCall, url: string, verb: GetDigitsVerb): Promise<Outcome> {
  const finishKey = verb.finishOnKey ?? "#";
  const wanted = verb.numDigits ?? 0;
  let digits = "";
  let done = false;
  let pressed = false;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));
  call.onDigit = (key) => {
    if (done) return;
    pressed = true;
    if (finishKey && key === finishKey) done = true;
    else {
      digits += key;
      if (wanted > 0 && digits.length >= wanted) done = true;
    }
    if (done) finish();
  };
  // A key press interrupts the prompts (barge-in).
  for (const prompt of verb.nested ?? []) {
    if (pressed) break;
    if (!(await speak(em, call, prompt))) return STOP;
  }
  if (!done && wanted === 1) await pressPromptKey(em, call);
  if (!done) {
    const timeoutMs = (verb.timeout || DEFAULT_GETDIGITS_TIMEOUT_S) * 1000;
    await Promise.race([finished, sleep(timeoutMs, call.abort.signal)]);
  }
  done = true;
  call.onDigit = null;
  if (call.ended_at) return STOP;
  const doc = await fetchActions(em, call, url, { digits });
  if (call.ended_at) return STOP;
  if (!doc.ok) {
    failLeg(em, call, doc.code, doc.message);
    return STOP;
  }
  return { kind: "replace", actions: doc.actions };
}

/**
 * A phone that answered a call by itself acts like a cooperative person: asked for exactly one key,
 * it presses its prompt key once the prompt has played. Manual phones wait for the console's keypad,
 * voicemail never presses, and a phone whose prompt key is withheld stays silent.
 */
async function pressPromptKey(em: Emulator, call: LiveCall): Promise<void> {
  if (call.direction !== "outbound" || call.parent_call_id) return;
  const phone = em.store.phone(call.remote_e164);
  if (phone.call_id !== call.id || !phone.prompt_key || !answersByItself(effectiveBehaviour(phone))) return;
  if (!(await sleep(em.scaled(PROMPT_KEY_DELAY_MS), call.abort.signal))) return;
  if (!call.onDigit) return;
  hear(phone, "digits", phone.prompt_key);
  em.store.changed();
  call.onDigit(phone.prompt_key);
}

async function dial(em: Emulator, call: LiveCall, verb: DialVerb): Promise<Outcome> {
  const phone = em.store.phone(call.remote_e164);
  const target = verb.number ?? verb.numbers?.[0];
  if (!target) {
    hear(phone, "system", "SIP dialling is not emulated; the dial failed");
    return NEXT;
  }
  hear(phone, "system", `Dialling ${target}…`);
  const leg = em.calls.createDialLeg(
    call,
    target,
    verb.callerId ?? call.local_e164,
    verb.timeout || DEFAULT_DIAL_TIMEOUT_S,
  );
  em.store.changed();
  await new Promise<void>((resolve) => {
    if (leg.ended_at || call.ended_at) return resolve();
    leg.abort.signal.addEventListener("abort", () => resolve(), { once: true });
    call.abort.signal.addEventListener("abort", () => resolve(), { once: true });
  });
  if (call.ended_at) {
    em.calls.end(leg, "completed", { cause: "normal_clearing" });
    return STOP;
  }
  hear(
    phone,
    "system",
    leg.answered_at ? `${target} hung up` : `${target} did not connect (${leg.status.replace("_", " ")})`,
  );
  return NEXT;
}

async function record(em: Emulator, call: LiveCall, verb: RecordVerb): Promise<Outcome> {
  const phone = em.store.phone(call.remote_e164);
  if (verb.playBeep !== false) hear(phone, "beep", "Recording started");
  em.store.changed();
  const started = Date.now();
  const finishKey = verb.finishOnKey ?? "#";
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));
  call.onDigit = (key) => {
    if (finishKey.includes(key)) finish();
  };
  const limitS = Math.min(verb.maxLength ?? MAX_RECORD_S, verb.timeout || MAX_RECORD_S);
  await Promise.race([finished, sleep(limitS * 1000, call.abort.signal)]);
  call.onDigit = null;
  const recording = em.recordings.create(call, Date.now() - started, []);
  if (verb.action) em.recordings.notifyAction(call, recording, verb.action);
  return call.ended_at ? STOP : NEXT;
}

import type { Behaviour, Phone, TranscriptKind } from "../state/types";
import { iso } from "../util";
import { magicNumberBehaviour } from "./magic-behaviour";

const MAX_TRANSCRIPT = 300;

/** The phone's behaviour: an explicit override, else the magic-number table (emulator/README.md). */
export function effectiveBehaviour(phone: Phone): Behaviour {
  return phone.behaviour ?? magicNumberBehaviour(phone.e164);
}

/** What the person holding this phone hears or sees. */
export function hear(phone: Phone, kind: TranscriptKind, text: string, language?: string): void {
  phone.transcript.push({ at: iso(), kind, text, ...(language ? { language } : {}) });
  if (phone.transcript.length > MAX_TRANSCRIPT) phone.transcript.splice(0, phone.transcript.length - MAX_TRANSCRIPT);
}

/** Phones that answer by themselves and then act like a cooperative person (press the prompt key). */
export function answersByItself(behaviour: Behaviour): boolean {
  return behaviour === "auto" || typeof behaviour === "object";
}

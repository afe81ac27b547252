// Drives the e2e emulator's phones through its control API (/_emulator/*), as a person would in the
// phones console: the one emulator client (tests/support/emulator-control.ts), bound to the e2e
// emulator, with the state typed by the emulator itself.
import { type Behaviour, emulatorClient, type EmulatorState } from "../../support/emulator-control";
import { E2E_EMULATOR_URL } from "./urls";

export type { Behaviour, EmulatorPhone as PhoneSnapshot, EmulatorState } from "../../support/emulator-control";

/** The whole client (faults, calls, waits) for what a phone's controls below do not cover. */
export const emulator = emulatorClient(() => process.env.E2E_EMULATOR_URL ?? E2E_EMULATOR_URL, { timeoutMs: 15_000 });
const client = emulator;

export const emulatorState = client.state;

/** One phone's controls; the number is URL-encoded (it starts with "+"). */
export function phone(e164: string) {
  return {
    answer: () => client.answer(e164),
    /** Picks up and presses 1 at the "press 1 to join" prompt, as a person does. */
    answerAndConfirm: () => client.answerAndConfirm(e164),
    decline: () => client.decline(e164),
    hangup: () => client.hangup(e164),
    drop: () => client.drop(e164),
    digits: (digits: string) => client.press(e164, digits),
    dial: (to: string) => client.dial(e164, to),
    behaviour: (behaviour: Behaviour) => client.behaviour(e164, { behaviour }),
    snapshot: () => client.phone(e164),
  };
}

/**
 * Polls the emulator until `select` returns something (no fixed sleeps), e.g.
 * `await waitForEmulator((s) => s.phones.find((p) => p.e164 === n && p.state === "ringing"))`.
 */
export function waitForEmulator<T>(
  select: (state: EmulatorState) => T | undefined | null | false,
  { timeoutMs = 15_000, what = "emulator state" }: { timeoutMs?: number; what?: string } = {},
): Promise<T> {
  return client.waitFor(what, select, timeoutMs);
}

/** A phone dials `number`, waits to be asked for the meeting PIN and keys `pin` then #, as a caller does. */
export async function dialInWithPin(from: string, number: string, pin: string, timeoutMs = 30_000): Promise<void> {
  await client.dial(from, number);
  await waitForEmulator(
    (s) => s.phones.find((p) => p.e164 === from)?.transcript.some((t) => t.text.includes("meeting PIN")),
    { timeoutMs, what: `${from} to be asked for the meeting PIN` },
  );
  await client.press(from, `${pin}#`);
}

// The emulator's control API (/_emulator/*) as every test tier drives it: JSON in, JSON out, a
// non-2xx is an error naming the request. The state snapshot is typed by the emulator itself
// (emulator/control/snapshot.ts), so a test reads the shape the emulator really sends.
import type {
  EmulatorCall,
  EmulatorPhone,
  EmulatorRoom,
  EmulatorState,
  EmulatorTranscriptLine,
} from "@/emulator/control/snapshot";
import type { Behaviour } from "@/emulator/state/types";
import { makeUntil } from "./until";

export type {
  EmulatorCall,
  EmulatorDelivery,
  EmulatorPhone,
  EmulatorRoom,
  EmulatorState,
  EmulatorTranscriptLine,
  EmulatorWorkspace,
} from "@/emulator/control/snapshot";
export type { Behaviour } from "@/emulator/state/types";

/** One control request. Answers vary by path, so the result is left to the caller to read. */
export async function emulatorControl(base: string, path: string, method = "GET", body?: unknown): Promise<any> {
  const send = () =>
    fetch(`${base}/_emulator${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  // A reused keep-alive socket the emulator has just closed fails a request before it is sent
  // ("other side closed"); a GET is safe to send again.
  const res = await send().catch((e: unknown) => {
    if (method === "GET") return send();
    throw e;
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

const PRESS_PROMPT = /Press 1 to (re)?join|Bonyeza 1/;

export type EmulatorClient = ReturnType<typeof emulatorClient>;

/**
 * The control API of the emulator at `base`, bound: its state, the phones' keypads and the waits a
 * test needs (polling the state, never sleeping). `base` may be a function, read at each request, so
 * a client can be made before the emulator has started. `timeoutMs` is the default for every wait.
 */
export function emulatorClient(base: string | (() => string), opts: { timeoutMs?: number } = {}) {
  const until = makeUntil({ timeoutMs: opts.timeoutMs ?? 45_000, intervalMs: 50 });
  const baseUrl = typeof base === "string" ? () => base : base;
  const control = (path: string, method = "GET", body?: unknown) => emulatorControl(baseUrl(), path, method, body);
  const state = (): Promise<EmulatorState> => control("/state");
  const phonePath = (e164: string, action: string) => `/phones/${encodeURIComponent(e164)}/${action}`;
  const phone = async (e164: string): Promise<EmulatorPhone | undefined> =>
    (await state()).phones.find((p) => p.e164 === e164);
  const transcript = async (e164: string): Promise<EmulatorTranscriptLine[]> => (await phone(e164))?.transcript ?? [];
  const says = async (e164: string) => (await transcript(e164)).filter((t) => t.kind === "say");
  const heard = async (e164: string) => (await says(e164)).map((t) => t.text);

  /** Waits until `pick` finds something in the state, naming `what` (and the last state) on timeout. */
  const waitFor = async <T>(
    what: string,
    pick: (s: EmulatorState) => T | undefined | null | false,
    timeoutMs?: number,
  ): Promise<T> => {
    let last: EmulatorState | undefined;
    try {
      return await until(
        what,
        async () => {
          last = await state();
          return pick(last);
        },
        timeoutMs,
      );
    } catch (error) {
      const phones = last?.phones.map((p) => [p.e164, p.state]);
      throw new Error(`${(error as Error).message}; phones: ${JSON.stringify(phones)}`, { cause: error });
    }
  };

  /** Waits until the phone's current call has played the "press 1" prompt since it was answered, then presses `key`. */
  const pressWhenAsked = async (e164: string, key = "1", timeoutMs?: number) => {
    await waitFor(
      `${e164} to be asked to press a key`,
      (s) => {
        const p = s.phones.find((x) => x.e164 === e164);
        const lines = p?.transcript ?? [];
        const answeredAt = lines.map((l) => l.text).lastIndexOf("Call answered");
        return (
          !!p?.call_id &&
          answeredAt >= 0 &&
          lines.slice(answeredAt).some((l) => l.kind === "say" && PRESS_PROMPT.test(l.text))
        );
      },
      timeoutMs,
    );
    await control(phonePath(e164, "digits"), "POST", { digits: key });
  };

  return {
    get url() {
      return baseUrl();
    },
    control,
    state,
    phone,
    transcript,
    /** The Say lines of the phone's transcript (text and language), in order. */
    says,
    /** The text of every Say the phone heard, in order. */
    heard,
    callById: async (id: string): Promise<EmulatorCall | undefined> => (await state()).calls.find((c) => c.id === id),
    /** Every call with this phone at the far end, newest first. */
    callsTo: async (e164: string): Promise<EmulatorCall[]> =>
      (await state()).calls.filter((c) => c.remote_e164 === e164),
    /** The newest call with this phone at the far end. */
    callTo: async (e164: string): Promise<EmulatorCall | undefined> =>
      (await state()).calls.find((c) => c.remote_e164 === e164),
    room: async (name: string): Promise<EmulatorRoom | undefined> => (await state()).rooms.find((r) => r.name === name),
    dial: (from: string, to: string): Promise<{ call_id: string }> => control(phonePath(from, "dial"), "POST", { to }),
    press: (e164: string, digits: string) => control(phonePath(e164, "digits"), "POST", { digits }),
    answer: (e164: string) => control(phonePath(e164, "answer"), "POST"),
    decline: (e164: string) => control(phonePath(e164, "decline"), "POST"),
    hangup: (e164: string) => control(phonePath(e164, "hangup"), "POST", {}),
    /** The network drops the phone's call (not the person's own hang-up). */
    drop: (e164: string) => control(phonePath(e164, "drop"), "POST"),
    /** Sets fault injection (delays, error rates…); `clearFaults` ends it. */
    faults: (faults: Record<string, unknown>) => control("/faults", "POST", faults),
    clearFaults: async (): Promise<void> => void (await control("/faults", "DELETE")),
    /** How the phone answers (`behaviour`) and which key it presses at a one-key prompt (`prompt_key`, null = none). */
    behaviour: (e164: string, settings: { behaviour?: Behaviour; prompt_key?: string | null }) =>
      control(phonePath(e164, "behaviour"), "PUT", settings),
    waitFor,
    pressWhenAsked,
    /** Answers a ringing manual phone and presses 1 at the join prompt, as a person does. */
    answerAndConfirm: async (e164: string) => {
      await control(phonePath(e164, "answer"), "POST");
      await pressWhenAsked(e164);
    },
    /** Waits until the phone has heard `text`. */
    hears: (e164: string, text: string, timeoutMs?: number) =>
      until(`${e164} to hear “${text}”`, async () => (await heard(e164)).includes(text), timeoutMs),
    /** Waits until the phone's call is over (hung up by the app, or never answered). */
    idle: (e164: string, timeoutMs?: number) =>
      until(
        `${e164} to be off the call`,
        async () => {
          const p = await phone(e164);
          return p && p.state !== "in_call" && p.state !== "waiting" && p.state !== "ringing";
        },
        timeoutMs,
      ),
  };
}

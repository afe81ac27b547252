// Numbers pinned by docs/sautikit.md and the emulator's README, shared by the app's client and the emulator.

/** Nominal wait before each delivery attempt, in seconds (attempt 1 is immediate). Each real wait is drawn from [0, base]. */
export const RETRY_SCHEDULE_SECONDS = [0, 30, 120, 600, 1800, 7200, 21600, 86400] as const;
export const MAX_DELIVERY_ATTEMPTS = RETRY_SCHEDULE_SECONDS.length;
/** A webhook or voice callback that has not answered 2xx within this long has failed. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export const MAX_VOICE_ACTIONS = 50;
export const CLIENT_REQUEST_ID_MAX_LENGTH = 5000;
/** clientRequestId is appended to callback URLs only while its percent-encoded form fits. */
export const CLIENT_REQUEST_ID_QUERY_MAX_BYTES = 2048;
export const CONFERENCE_NAME_MAX_LENGTH = 64;
/** In-room keypad digits are flushed after this much silence. */
export const CONFERENCE_DIGITS_SILENCE_SECONDS = 3;

export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
export const RECORDING_URL_TTL_SECONDS = 15 * 60;
export const DEFAULT_RATE_LIMIT_PER_SECOND = 10;

export const CURRENCY = "KES";
export const OUTBOUND_RATE_PER_MINUTE_MINOR = 300;
export const INBOUND_RATE_PER_MINUTE_MINOR = 0;
export const SEEDED_BALANCE_MINOR = 100_000;
export const LOW_BALANCE_THRESHOLD_MINOR = 5_000;

/** Per-second billing, rounded up to the whole minor unit (docs/sautikit.md §3). */
export function callCostMinor(durationSeconds: number, ratePerMinuteMinor: number): number {
  if (durationSeconds <= 0 || ratePerMinuteMinor <= 0) return 0;
  return Math.ceil((durationSeconds * ratePerMinuteMinor) / 60);
}

/** Default ring before an "auto" phone answers, and the ring timeout after which a call is no_answer. */
export const DEFAULT_RING_SECONDS = 1;
export const RING_TIMEOUT_SECONDS = 30;

export type MagicBehaviour =
  | { kind: "busy" }
  | { kind: "no_answer" }
  | { kind: "fail" }
  | { kind: "hangup_after"; seconds: number }
  | { kind: "manual" }
  | { kind: "voicemail" }
  | { kind: "drop_after"; seconds: number }
  | { kind: "auto" };

/** A voicemail phone answers after this long (a ring: scaled) … */
export const VOICEMAIL_ANSWER_SECONDS = 3;
/** … and records for at most this long (a call duration: real time) before it hangs up. */
export const VOICEMAIL_MAX_SECONDS = 60;

/** What an auto-answering emulated phone presses when a prompt asks for exactly one key. */
export const DEFAULT_PROMPT_KEY = "1";

/** `call.completed.hangup_cause` values (Q.850 names): a normal hang-up by either party, and a network drop. */
export const HANGUP_NORMAL = "normal_clearing";
export const HANGUP_NETWORK_DROP = "network_out_of_order";

/** The emulator's magic-number table (emulator/README.md): +254 700 000 1NN…7NN. */
export function magicBehaviour(e164: string): MagicBehaviour {
  const m = /^\+254700000([1-7])(\d\d)$/.exec(e164);
  if (!m) return { kind: "auto" };
  switch (m[1]) {
    case "1":
      return { kind: "busy" };
    case "2":
      return { kind: "no_answer" };
    case "3":
      return { kind: "fail" };
    case "4":
      return { kind: "hangup_after", seconds: Number(m[2]) };
    case "5":
      return { kind: "manual" };
    case "6":
      return { kind: "voicemail" };
    default:
      return { kind: "drop_after", seconds: Number(m[2]) };
  }
}

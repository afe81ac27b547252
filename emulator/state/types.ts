import type { CallDirection, CallEventRecord, CallStatus } from "../../lib/sautikit/contract/calls";
import type { ConferenceVerb } from "../../lib/sautikit/contract/voice-actions";

// Persisted: workspaces, numbers (with routing and signing secret), wallets.
export type NumberRole = "dial_in" | "caller_id";

export type NumberRecord = {
  id: string;
  e164: string;
  role: NumberRole;
  status: "active" | "suspended";
  claimed_at: string;
  voice_callback_url: string | null;
  events_url: string | null;
  voice_signing_secret: string;
};

export type Workspace = {
  id: string;
  name: string;
  api_key: string;
  signing_secret: string;
  balance_minor: number;
  low_balance_threshold_minor: number;
  numbers: NumberRecord[];
  created_at: string;
};

export type PersistedState = { version: 1; workspaces: Workspace[]; number_counter: number };

// In memory only.
export type TranscriptKind = "say" | "play" | "beep" | "hold" | "muted" | "unmuted" | "system" | "digits";
export type TranscriptLine = { at: string; kind: TranscriptKind; text: string; language?: string };

export type Behaviour =
  | "auto"
  | "manual"
  | "busy"
  | "no_answer"
  | "fail"
  | "voicemail"
  | { hangup_after_seconds: number }
  | { drop_after_seconds: number };
export type PhoneState = "idle" | "ringing" | "in_call" | "waiting" | "ended";

export type Phone = {
  e164: string;
  state: PhoneState;
  muted: boolean;
  call_id: string | null;
  room: string | null;
  behaviour: Behaviour | null;
  /**
   * The key an auto-answering phone presses when a prompt asks for exactly one key (a cooperative
   * person); null = never presses. Manual phones wait for the keypad, voicemail never presses.
   */
  prompt_key: string | null;
  transcript: TranscriptLine[];
};

export type LiveCall = {
  id: string;
  session_id: string;
  workspace_id: string;
  direction: CallDirection;
  /** The workspace number the call belongs to (the `from` number outbound, the dialled number inbound). */
  number_id: string;
  local_e164: string;
  remote_e164: string;
  /** What the callee's phone shows (outbound: caller_id or from). */
  presented_e164: string;
  /** The caller_id asked for on POST /v1/calls (recorded on the call), else null. */
  caller_id: string | null;
  voice_callback_url: string | null;
  client_request_id: string | null;
  /** The label as forwarded on callbacks and events: null when the PBX would refuse it (whitespace, commas, braces, quotes). */
  label: string | null;
  status: CallStatus;
  started_at: string;
  answered_at: string | null;
  ended_at: string | null;
  duration_seconds: number | null;
  cost_minor: number;
  rate_per_minute_minor: number;
  failure_code: string | null;
  metadata: Record<string, unknown> | null;
  created_at: string;
  updated_at: string;
  events: CallEventRecord[];
  recording_id: string | null;
  /** Aborted when the call ends: every pending step of its flow stops. */
  abort: AbortController;
  /** Receives keypad digits while something (getDigits, record, a room) listens. */
  onDigit: ((key: string) => void) | null;
  /** Set for a dial leg: the call that dialled it. */
  parent_call_id: string | null;
  room_key: string | null;
};

export type RoomMember = {
  call_id: string;
  e164: string;
  muted: boolean;
  waiting: boolean;
  opts: ConferenceVerb;
  joined_at: number;
};

export type Room = {
  id: string;
  key: string;
  workspace_id: string;
  name: string;
  status: "waiting" | "live" | "ended";
  created_at: number;
  started_at: number | null;
  ended_at: number | null;
  sequence: number;
  members: Map<string, RoomMember>;
  stalled: Set<string>;
  /** statusEventsCallbackUrl → the union of statusEvents subscribed to it by legs that joined. */
  subscribers: Map<string, Set<string>>;
  /** Number whose secret signs this room's events: that of the leg that opened the room. */
  secret_number_id: string;
  recording_call_id: string | null;
  /** Milliseconds since created_at, and whether it was a join (true) or a leave. */
  tones: { at_ms: number; join: boolean }[];
};

export type Recording = {
  id: string;
  call_id: string;
  workspace_id: string;
  duration_ms: number;
  tones: { at_ms: number; join: boolean }[];
  created_at: string;
  deleted: boolean;
};

export type DeliveryAttempt = {
  attempt: number;
  at: string;
  status_code: number | null;
  latency_ms: number | null;
  error?: string;
  /** The jittered wait drawn before this attempt (0 for the first). */
  wait_ms: number;
};

export type Delivery = {
  id: string;
  kind: string;
  url: string;
  event_id: string;
  workspace_id: string | null;
  attempt: number;
  max_attempts: number;
  status_code: number | null;
  latency_ms: number | null;
  outcome: "delivered" | "failed" | "pending" | "dead_letter";
  next_attempt_at: string | null;
  error: string | null;
  created_at: string;
  history: DeliveryAttempt[];
  /** Seeded per-event fault choices (duplicate_rate / drop_rate) made for this delivery. */
  injected?: ("duplicate" | "drop")[];
};

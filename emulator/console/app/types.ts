import type { RequestLogEntry } from "../../api/request-log";
import type { Behaviour, PhoneState, TranscriptLine } from "../../state/types";
import { defaultBehaviour } from "./phones";

// Shapes of the emulator's control API (`GET /_emulator/state` and the SSE
// `state` event). Kept lenient: the console renders what it recognises and
// ignores the rest, so a new field on the server never breaks the page.

// The phone's state, its behaviour and a transcript line are the engine's own types
// (emulator/state/types.ts), imported where they are used.

export type Phone = {
  e164: string;
  state: PhoneState;
  muted: boolean;
  call_id: string | null;
  room: string | null;
  behaviour: Behaviour;
  /** The key pressed when a prompt asks for one key (auto-answering phones); null = never. */
  prompt_key: string | null;
  transcript: TranscriptLine[];
};

export type RoomMember = { call_id: string; e164: string; muted: boolean; waiting: boolean };

export type Room = {
  workspace_id: string;
  name: string;
  status: "waiting" | "live" | "ended";
  members: RoomMember[];
  recording_call_id?: string | null;
  /** Legs that arrived over maxParticipants: connected, silent, not in the room. */
  stalled?: string[];
  started_at?: string | number | null;
  ended_at?: string | number | null;
};

export type Delivery = {
  id: string;
  kind: string;
  url: string;
  event_id: string;
  attempt: number;
  max_attempts?: number;
  status_code: number | null;
  latency_ms: number | null;
  outcome: "delivered" | "failed" | "pending" | "dead_letter";
  next_attempt_at: string | null;
  error?: string | null;
  created_at?: string;
  at?: string;
  history?: DeliveryAttempt[];
};

export type DeliveryAttempt = {
  attempt: number;
  at: string;
  status_code: number | null;
  latency_ms: number | null;
  error?: string;
  wait_ms?: number;
};

export type WorkspaceNumber = {
  id: string;
  e164: string;
  role: "dial_in" | "caller_id" | string;
  voice_callback_url?: string | null;
  events_url?: string | null;
};

export type Workspace = {
  workspace_id: string;
  name?: string;
  balance_minor?: number;
  currency?: string;
  numbers: WorkspaceNumber[];
};

export type Call = {
  id: string;
  session_id?: string;
  workspace_id?: string;
  direction?: "outbound" | "inbound" | string;
  local_e164?: string;
  remote_e164?: string;
  /** The number shown to the callee, when the caller asked for one. */
  caller_id?: string | null;
  status?: string;
  started_at?: string | null;
  answered_at?: string | null;
  ended_at?: string | null;
};

// The same entry the emulator logs (a type only: nothing of the server reaches the bundle).
export type { RequestLogEntry };

export type Snapshot = {
  workspaces: Workspace[];
  phones: Phone[];
  calls: Call[];
  rooms: Room[];
  deliveries: Delivery[];
  faults?: Record<string, unknown>;
  /** The seed behind every random fault choice (repeatable runs). */
  fault_seed?: number;
  /** /v1 requests, newest first. */
  requests: RequestLogEntry[];
  /** EMULATOR_TIME_SCALE: retry waits and ring timeouts are multiplied by it. */
  time_scale?: number;
};

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** Accepts the snapshot as sent and fills in anything missing with safe empties. */
export function normalizeSnapshot(raw: unknown): Snapshot {
  const data = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const phones = list<Partial<Phone>>(data.phones)
    .filter((p): p is Partial<Phone> & { e164: string } => typeof p?.e164 === "string")
    .map((p) => ({
      e164: p.e164,
      state: p.state ?? "idle",
      muted: Boolean(p.muted),
      call_id: p.call_id ?? null,
      room: p.room ?? null,
      // null on the server means "the magic-number default for this number".
      behaviour: p.behaviour ?? defaultBehaviour(p.e164),
      prompt_key: p.prompt_key === undefined ? "1" : p.prompt_key,
      transcript: list<TranscriptLine>(p.transcript),
    }));
  const workspaces = list<Partial<Workspace> & { id?: string }>(data.workspaces).map((w) => ({
    ...w,
    workspace_id: w.workspace_id ?? w.id ?? "",
    numbers: list<WorkspaceNumber>(w.numbers),
  }));
  const rooms = list<Room>(data.rooms).map((r) => ({ ...r, members: list<RoomMember>(r.members) }));
  const faults = data.faults && typeof data.faults === "object" ? (data.faults as Record<string, unknown>) : undefined;
  return {
    workspaces,
    phones,
    calls: list<Call>(data.calls),
    rooms,
    deliveries: list<Delivery>(data.deliveries),
    faults,
    fault_seed: typeof data.fault_seed === "number" ? data.fault_seed : undefined,
    requests: list<RequestLogEntry>(data.requests),
    time_scale: typeof data.time_scale === "number" ? data.time_scale : undefined,
  };
}

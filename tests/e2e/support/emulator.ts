// Drives the e2e emulator's phones through its control API (/_emulator/*), as a person would in the
// phones console. Shapes follow the pinned control API; fields a test does not read are left loose.
import { E2E_EMULATOR_URL } from "./urls";

export type TranscriptEntry = { at: string; kind: string; text: string; language?: string };
export type PhoneSnapshot = {
  e164: string;
  state: "idle" | "ringing" | "in_call" | "waiting" | "ended";
  muted: boolean;
  call_id: string | null;
  room: string | null;
  transcript: TranscriptEntry[];
};
export type RoomSnapshot = {
  workspace_id: string;
  name: string;
  status: "waiting" | "live" | "ended";
  members: { call_id: string; e164: string; muted: boolean; waiting: boolean }[];
};
export type EmulatorState = { phones: PhoneSnapshot[]; rooms: RoomSnapshot[]; calls: unknown[]; deliveries: unknown[] };
export type Behaviour = "auto" | "manual" | "busy" | "no_answer" | "fail" | { hangup_after_seconds: number };

const baseUrl = process.env.E2E_EMULATOR_URL ?? E2E_EMULATOR_URL;

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}/_emulator${path}`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`emulator ${method} ${path} → ${res.status}: ${await res.text()}`);
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export function emulatorState(): Promise<EmulatorState> {
  return control("GET", "/state");
}

/** One phone's controls; the number is URL-encoded (it starts with "+"). */
export function phone(e164: string) {
  const base = `/phones/${encodeURIComponent(e164)}`;
  return {
    answer: () => control("POST", `${base}/answer`),
    decline: () => control("POST", `${base}/decline`),
    hangup: () => control("POST", `${base}/hangup`),
    digits: (digits: string) => control("POST", `${base}/digits`, { digits }),
    dial: (to: string) => control<{ call_id: string }>("POST", `${base}/dial`, { to }),
    behaviour: (behaviour: Behaviour) => control("PUT", `${base}/behaviour`, { behaviour }),
    snapshot: async () => (await emulatorState()).phones.find((p) => p.e164 === e164),
  };
}

/**
 * Polls the emulator until `select` returns something (no fixed sleeps), e.g.
 * `await waitForEmulator((s) => s.phones.find((p) => p.e164 === n && p.state === "ringing"))`.
 */
export async function waitForEmulator<T>(
  select: (state: EmulatorState) => T | undefined | null | false,
  { timeoutMs = 15_000, what = "emulator state" }: { timeoutMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: EmulatorState | undefined;
  while (Date.now() < deadline) {
    last = await emulatorState();
    const found = select(last);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for ${what}; phones: ${JSON.stringify(last?.phones.map((p) => [p.e164, p.state]))}`,
  );
}

// Dial-in test helpers: a workspace connected to the run's emulator, and phones driven through the
// emulator's control API (dial, press keys, hang up) with their transcripts read back.
import { randomInt } from "node:crypto";
import type { AppTest } from "../support/setup-app-test";
import { createWorkspace } from "../meetings/support";
import { makeUntil } from "@/tests/support/until";

export type Say = { kind: string; text: string; language?: string };
export type PhoneSnap = {
  e164: string;
  state: string;
  muted: boolean;
  call_id: string | null;
  room: string | null;
  transcript: Say[];
};
export type CallSnap = {
  id: string;
  direction: string;
  status: string;
  cost_minor: number;
  failure_code: string | null;
  local_e164: string;
  remote_e164: string;
  answered_at: string | null;
};
export type RoomSnap = {
  name: string;
  status: string;
  members: { call_id: string; e164: string; muted: boolean; waiting: boolean }[];
};
type Snapshot = { phones: PhoneSnap[]; calls: CallSnap[]; rooms: RoomSnap[] };

/** A Kenyan mobile number no other test uses (the 0700 000 xxx magic range is avoided). */
export function freshPhone(): string {
  return `+25472${String(randomInt(0, 10_000_000)).padStart(7, "0")}`;
}

export const until = makeUntil();

export function emulator(app: AppTest) {
  const base = `${app.emulatorUrl}/_emulator`;
  const call = async (path: string, body?: unknown) => {
    const send = () =>
      fetch(`${base}/${path}`, {
        method: body === undefined ? "GET" : "POST",
        headers: body === undefined ? undefined : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    // A reused keep-alive socket the emulator has just closed fails a request before it is sent
    // ("other side closed"); a GET is safe to send again.
    const res = await send().catch((e: unknown) => {
      if (body === undefined) return send();
      throw e;
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<unknown>;
  };
  const state = () => call("state") as Promise<Snapshot>;
  const phone = async (e164: string) => (await state()).phones.find((p) => p.e164 === e164);
  const says = async (e164: string) => ((await phone(e164))?.transcript ?? []).filter((t) => t.kind === "say");
  const heard = async (e164: string) => (await says(e164)).map((t) => t.text);
  return {
    state,
    phone,
    says,
    heard,
    dial: (from: string, to: string) =>
      call(`phones/${encodeURIComponent(from)}/dial`, { to }) as Promise<{ call_id: string }>,
    press: (e164: string, digits: string) => call(`phones/${encodeURIComponent(e164)}/digits`, { digits }),
    hangup: (e164: string) => call(`phones/${encodeURIComponent(e164)}/hangup`, {}),
    callById: async (id: string) => (await state()).calls.find((c) => c.id === id),
    room: async (name: string) => (await state()).rooms.find((r) => r.name === name),
    /** Waits until the phone has heard `text`. */
    hears: (e164: string, text: string, timeoutMs?: number) =>
      until(`${e164} to hear “${text}”`, async () => (await heard(e164)).includes(text), timeoutMs),
    /** Waits until the phone's call is over (hung up by the app, or never answered). */
    idle: (e164: string) =>
      until(`${e164} to be off the call`, async () => {
        const p = await phone(e164);
        return p && p.state !== "in_call" && p.state !== "waiting" && p.state !== "ringing";
      }),
  };
}

/** A fresh workspace connected to a fresh emulator account (its own numbers, key and secret). */
export async function connectedWorkspace(db: typeof import("@/lib/db").db) {
  const { connectEmulatorWorkspace } = await import("@/lib/sautikit/connect-emulator-workspace");
  const { actor, workspaceId } = await createWorkspace(db);
  await db.sautikitConnection.delete({ where: { workspaceId } });
  await connectEmulatorWorkspace(workspaceId);
  const conn = await db.sautikitConnection.findUniqueOrThrow({ where: { workspaceId } });
  return { actor, workspaceId, dialIn: conn.dialInNumber!, callerId: conn.callerIdNumber! };
}

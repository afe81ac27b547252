import { CURRENCY } from "../../lib/sautikit/contract/constants";
import type { Emulator } from "../context";
import { callJson } from "../api/call-json";
import { effectiveBehaviour } from "../engine/phones";
import type { Room } from "../state/types";

// The control API's view of everything (GET /_emulator/state and the SSE `state` event).
// Secrets (API keys, signing secrets) are never part of it.

const MAX_CALLS = 200;
const MAX_DELIVERIES = 300;
const MAX_REQUESTS = 300;

export function roomJson(room: Room) {
  return {
    id: room.id,
    workspace_id: room.workspace_id,
    name: room.name,
    status: room.status,
    members: [...room.members.values()].map((m) => ({
      call_id: m.call_id,
      e164: m.e164,
      muted: m.muted,
      waiting: m.waiting,
    })),
    stalled: [...room.stalled],
    recording_call_id: room.recording_call_id,
    sequence: room.sequence,
    created_at: new Date(room.created_at).toISOString(),
    started_at: room.started_at === null ? null : new Date(room.started_at).toISOString(),
    ended_at: room.ended_at === null ? null : new Date(room.ended_at).toISOString(),
  };
}

export function snapshot(em: Emulator) {
  const s = em.store;
  return {
    time_scale: em.config.timeScale,
    workspaces: [...s.workspaces.values()].map((w) => ({
      workspace_id: w.id,
      name: w.name,
      balance_minor: w.balance_minor,
      currency: CURRENCY,
      numbers: w.numbers.map((n) => ({
        id: n.id,
        e164: n.e164,
        role: n.role,
        voice_callback_url: n.voice_callback_url,
        events_url: n.events_url,
      })),
    })),
    phones: [...s.phones.values()].map((p) => ({
      e164: p.e164,
      state: p.state,
      muted: p.muted,
      call_id: p.call_id,
      room: p.room,
      behaviour: effectiveBehaviour(p),
      prompt_key: p.prompt_key,
      transcript: p.transcript,
    })),
    calls: [...s.calls.values()].slice(-MAX_CALLS).reverse().map(callJson),
    rooms: [...s.rooms.values(), ...[...s.endedRooms].reverse()].map(roomJson),
    deliveries: [...s.deliveries.values()].slice(-MAX_DELIVERIES).reverse(),
    faults: em.faults.current,
    fault_seed: em.faults.seed,
    supervisions: [...em.supervision.all.values()]
      .reverse()
      .map((s) => ({ ...em.supervision.json(s), workspace_id: s.workspace_id })),
    requests: em.requestLog.list({ limit: MAX_REQUESTS }),
  };
}

/**
 * What GET /_emulator/state answers (and the SSE `state` event carries), as JSON: derived from the
 * function that builds it, so tests and the console read the one shape the emulator really sends.
 */
export type EmulatorState = ReturnType<typeof snapshot>;
export type EmulatorWorkspace = EmulatorState["workspaces"][number];
export type EmulatorPhone = EmulatorState["phones"][number];
export type EmulatorTranscriptLine = EmulatorPhone["transcript"][number];
export type EmulatorCall = EmulatorState["calls"][number];
export type EmulatorRoom = EmulatorState["rooms"][number];
export type EmulatorDelivery = EmulatorState["deliveries"][number];

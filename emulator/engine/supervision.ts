import { RING_TIMEOUT_SECONDS, callCostMinor, DEFAULT_RING_SECONDS } from "../../lib/sautikit/contract/constants";
import {
  SUPERVISOR_CLIENT_RATE_PER_MINUTE_MINOR,
  type CallSupervision,
  type SuperviseRequest,
  type SupervisionEventData,
  type SupervisionEventKind,
  type SupervisionMode,
  type SupervisionState,
} from "../../lib/sautikit/contract/supervision";
import type { Emulator } from "../context";
import { apiError } from "../http/respond";
import type { LiveCall, Phone } from "../state/types";
import { iso, newId, sleep } from "../util";
import { emitEvent } from "./call-events";
import { hear } from "./phones";
import { randomBytes } from "node:crypto";

// Call supervision: one supervisor per live call. A phone supervisor is a real outbound leg that
// rings an emulated phone (it follows that phone's behaviour and is billed as an outbound call); a
// client or SIP supervisor is simulated as answering after the usual ring and is billed at KES 0.50
// a minute here. Who hears whom shows in the phones' transcripts:
//   listen  — the supervisor hears everyone, nobody hears the supervisor;
//   whisper — only the supervised caller (the phone on the supervised call) hears the supervisor;
//   barge   — everyone hears the supervisor (the supervised caller and, in a room, every member).
// The engine learns about the phone leg's answer and hang-up from the store's change feed, so the
// call engine needs no hooks for it.

type EndReason = NonNullable<SupervisionEventData["reason"]>;

export type SupervisionRecord = {
  id: string;
  workspace_id: string;
  call_id: string;
  session_id: string;
  supervisor_leg_id: string;
  mode: SupervisionMode;
  announce: SuperviseRequest["announce"];
  supervisor: SuperviseRequest["supervisor"];
  label: string | null;
  notify_agent: boolean;
  state: SupervisionState;
  created_at: string;
  connected_at: string | null;
  ended_at: string | null;
  /** Phone supervisors: the outbound leg that rings the phone. */
  leg_call_id: string | null;
  duration_seconds: number;
  cost_minor: number;
  abort: AbortController;
};

/** A charge that is not a call of its own (client / SIP supervisor legs), for stats. */
export type SupervisionCharge = { workspace_id: string; at_ms: number; cost_minor: number };

const MAX_KEPT = 500;
const MAX_CHARGES = 5000;

export class SupervisionEngine {
  /** Every supervision by id, oldest first (ended ones are kept for the state view, bounded). */
  readonly all = new Map<string, SupervisionRecord>();
  readonly charges: SupervisionCharge[] = [];
  private reconciling = false;

  constructor(private readonly em: Emulator) {
    em.store.onChange(() => this.reconcile());
  }

  /** The live (not ended or failed) supervision of a call. */
  activeFor(callId: string): SupervisionRecord | undefined {
    for (const s of this.all.values())
      if (s.call_id === callId && s.state !== "ended" && s.state !== "failed") return s;
    return undefined;
  }

  start(call: LiveCall, req: SuperviseRequest): SupervisionRecord {
    if (call.ended_at || call.status !== "answered")
      throw apiError(
        "calls.not_live",
        `Call ${call.id} is ${call.status}: only an answered, live call can be supervised.`,
      );
    const existing = this.activeFor(call.id);
    if (existing)
      throw apiError(
        "calls.supervision_in_progress",
        `${describe(existing)} is already supervising call ${call.id}; stop that supervision first.`,
      );
    const now = iso();
    const s: SupervisionRecord = {
      id: newId(),
      workspace_id: call.workspace_id,
      call_id: call.id,
      session_id: call.session_id,
      supervisor_leg_id: `sv_${randomBytes(8).toString("hex")}`,
      mode: req.mode,
      announce: req.announce,
      supervisor: req.supervisor,
      label: req.label ?? null,
      notify_agent: req.notify_agent,
      state: req.supervisor.type === "phone" ? "ringing" : "connecting",
      created_at: now,
      connected_at: null,
      ended_at: null,
      leg_call_id: null,
      duration_seconds: 0,
      cost_minor: 0,
      abort: new AbortController(),
    };
    this.all.set(s.id, s);
    this.trim();
    if (req.supervisor.type === "phone") {
      // A real leg from the supervised call's number: it rings, answers (or not) and bills like any call.
      const leg = this.em.calls.createDialLeg(call, req.supervisor.number, call.local_e164, RING_TIMEOUT_SECONDS);
      s.leg_call_id = leg.id;
      s.supervisor_leg_id = leg.session_id;
    } else {
      void (async () => {
        if (await sleep(this.em.scaled(DEFAULT_RING_SECONDS * 1000), s.abort.signal)) this.connect(s);
      })();
    }
    this.em.store.changed();
    return s;
  }

  setMode(call: LiveCall, mode: SupervisionMode): SupervisionRecord {
    const s = this.activeFor(call.id);
    if (!s) throw apiError("calls.supervision_not_found", `Call ${call.id} has no supervision to change.`);
    if (s.state !== "connected")
      throw apiError(
        "calls.supervision_not_connected",
        `The supervisor is still ${s.state}; change the mode once they have answered.`,
      );
    if (s.mode === mode) return s;
    const previous = s.mode;
    s.mode = mode;
    this.narrate(s, previous);
    this.emit(s, "call.supervision.mode_changed", { previous_mode: previous });
    this.em.store.changed();
    return s;
  }

  /** DELETE: idempotent; true when a supervision was ended by it. */
  stop(call: LiveCall): boolean {
    const s = this.activeFor(call.id);
    if (!s) return false;
    this.finish(s, "stopped");
    return true;
  }

  /** Control-API reset: everything goes silently. */
  reset(): void {
    for (const s of this.all.values()) s.abort.abort();
    this.all.clear();
    this.charges.length = 0;
  }

  json(s: SupervisionRecord): CallSupervision {
    return {
      supervision_id: s.id,
      call_id: s.call_id,
      session_id: s.session_id,
      supervisor_leg_id: s.supervisor_leg_id,
      mode: s.mode,
      announce: s.announce,
      supervisor: {
        type: s.supervisor.type,
        ...(s.supervisor.type === "phone" ? { number: s.supervisor.number } : { identity: s.supervisor.identity }),
        ...(s.label ? { label: s.label } : {}),
      },
      notify_agent: s.notify_agent,
      state: s.state,
      ...(s.connected_at ? { connected_at: s.connected_at } : {}),
      ...(s.ended_at ? { ended_at: s.ended_at } : {}),
      created_at: s.created_at,
    };
  }

  /** Follows the supervised call and the phone leg: answer → connected, hang-up → ended / failed. */
  private reconcile(): void {
    if (this.reconciling) return;
    this.reconciling = true;
    try {
      for (const s of this.all.values()) {
        if (s.state === "ended" || s.state === "failed") continue;
        const call = this.em.store.calls.get(s.call_id);
        if (!call || call.ended_at) {
          this.finish(s, "call_ended");
          continue;
        }
        const leg = s.leg_call_id ? this.em.store.calls.get(s.leg_call_id) : undefined;
        if (!leg) continue;
        if (leg.ended_at) this.finish(s, s.state === "connected" ? "supervisor_hung_up" : "supervisor_unreachable");
        else if (leg.status === "answered" && s.state === "ringing") this.connect(s);
      }
    } finally {
      this.reconciling = false;
    }
  }

  private connect(s: SupervisionRecord): void {
    if (s.state !== "connecting" && s.state !== "ringing") return;
    s.state = "connected";
    s.connected_at = iso();
    this.announce(s, "joined");
    this.narrate(s);
    this.emit(s, "call.supervision.started");
    this.em.store.changed();
  }

  private finish(s: SupervisionRecord, reason: EndReason): void {
    if (s.state === "ended" || s.state === "failed") return;
    const connected = s.state === "connected";
    const endedMs = Date.now();
    s.state = connected ? "ended" : reason === "supervisor_unreachable" ? "failed" : "ended";
    s.ended_at = iso(endedMs);
    s.abort.abort();
    const leg = s.leg_call_id ? this.em.store.calls.get(s.leg_call_id) : undefined;
    if (leg) {
      // The phone leg bills itself (outbound rate) when it ends.
      if (!leg.ended_at)
        this.em.calls.end(leg, "completed", {
          cause: reason === "stopped" ? "supervision_stopped" : "normal_clearing",
        });
      s.duration_seconds = leg.duration_seconds ?? 0;
      s.cost_minor = leg.cost_minor;
    } else if (connected) {
      s.duration_seconds = Math.max(0, Math.ceil((endedMs - Date.parse(s.connected_at!)) / 1000));
      s.cost_minor = callCostMinor(s.duration_seconds, SUPERVISOR_CLIENT_RATE_PER_MINUTE_MINOR);
      const ws = this.em.store.workspaces.get(s.workspace_id);
      if (ws && s.cost_minor > 0) {
        ws.balance_minor -= s.cost_minor;
        this.charges.push({ workspace_id: s.workspace_id, at_ms: endedMs, cost_minor: s.cost_minor });
        if (this.charges.length > MAX_CHARGES) this.charges.shift();
        this.em.store.persist();
      }
    }
    if (connected) this.announce(s, "left");
    this.emit(s, "call.supervision.ended", { reason, duration_seconds: s.duration_seconds, cost_minor: s.cost_minor });
    this.em.store.changed();
  }

  /** The announce tone: the supervised caller ("agent") and, with "both", the supervisor's phone too. */
  private announce(s: SupervisionRecord, what: "joined" | "left"): void {
    if (s.announce === "none") return;
    const call = this.em.store.calls.get(s.call_id);
    if (call && !call.ended_at) hear(this.em.store.phone(call.remote_e164), "beep", `Beep: a supervisor ${what}`);
    const own = this.supervisorPhone(s);
    if (own && s.announce === "both") hear(own, "beep", `Beep: supervision ${what === "joined" ? "started" : "ended"}`);
  }

  /** Transcript lines saying who now hears the supervisor, on every phone concerned. */
  private narrate(s: SupervisionRecord, previous?: SupervisionMode): void {
    const call = this.em.store.calls.get(s.call_id);
    if (!call) return;
    const who = describe(s);
    const caller = this.em.store.phone(call.remote_e164);
    const others = this.roomMates(call);
    const own = this.supervisorPhone(s);
    const change = previous ? ` (was ${previous})` : "";
    if (s.mode === "listen") {
      hear(caller, "system", `Supervision${change}: ${who} is listening; you do not hear them`);
      if (own)
        hear(
          own,
          "system",
          `Supervising ${call.remote_e164} in listen mode${change}: you hear everyone, nobody hears you`,
        );
    } else if (s.mode === "whisper") {
      hear(caller, "system", `Supervision${change}: ${who} is whispering; only you hear them`);
      for (const p of others)
        if (previous === "barge") hear(p, "system", `${who} left the conversation; you no longer hear them`);
      if (own)
        hear(
          own,
          "system",
          `Supervising ${call.remote_e164} in whisper mode${change}: only ${call.remote_e164} hears you`,
        );
    } else {
      hear(caller, "system", `Supervision${change}: ${who} barged in; everyone hears them`);
      for (const p of others) hear(p, "system", `${who} barged in; everyone hears them`);
      if (own) hear(own, "system", `Supervising ${call.remote_e164} in barge mode${change}: everyone hears you`);
    }
  }

  private supervisorPhone(s: SupervisionRecord): Phone | undefined {
    return s.supervisor.type === "phone" ? this.em.store.phone(s.supervisor.number) : undefined;
  }

  /** Other phones in the supervised call's conference room, if it is in one. */
  private roomMates(call: LiveCall): Phone[] {
    const room = call.room_key ? this.em.store.rooms.get(call.room_key) : undefined;
    if (!room) return [];
    return [...room.members.values()].filter((m) => m.call_id !== call.id).map((m) => this.em.store.phone(m.e164));
  }

  private emit(s: SupervisionRecord, kind: SupervisionEventKind, extra: Partial<SupervisionEventData> = {}): void {
    const call = this.em.store.calls.get(s.call_id);
    if (!call) return;
    const data: SupervisionEventData = { ...this.json(s), ...extra };
    emitEvent(this.em, call, kind, data);
  }

  private trim(): void {
    if (this.all.size <= MAX_KEPT) return;
    for (const [id, s] of this.all) {
      if (this.all.size <= MAX_KEPT) break;
      if (s.state === "ended" || s.state === "failed") this.all.delete(id);
    }
  }
}

function describe(s: SupervisionRecord): string {
  const target = s.supervisor.type === "phone" ? s.supervisor.number : `${s.supervisor.type} ${s.supervisor.identity}`;
  return s.label ? `${s.label} (${target})` : `A supervisor (${target})`;
}

import {
  DEFAULT_RING_SECONDS,
  HANGUP_NETWORK_DROP,
  HANGUP_NORMAL,
  INBOUND_RATE_PER_MINUTE_MINOR,
  OUTBOUND_RATE_PER_MINUTE_MINOR,
  RING_TIMEOUT_SECONDS,
  VOICEMAIL_ANSWER_SECONDS,
  callCostMinor,
} from "../../lib/sautikit/contract/constants";
import type { CallStatus } from "../../lib/sautikit/contract/calls";
import type { CreateCallRequest } from "../../lib/sautikit/contract/calls";
import type { Emulator } from "../context";
import { HttpError, apiError } from "../http/respond";
import type { LiveCall, NumberRecord, Phone, Workspace } from "../state/types";
import { iso, newId, newSessionId, sleep } from "../util";
import { emitCallEvent, legData } from "./call-events";
import { effectiveBehaviour, hear } from "./phones";
import { startInboundFlow, startOutboundFlow } from "./voice-flow";

// The call lifecycle (docs/sautikit.md §3): ringing → answered → completed, or from ringing to
// no_answer | busy | failed | canceled. Billing per second at hangup; ring waits are scaled,
// call durations never are.

const QUICK_OUTCOME_MS = 500;

export class CallEngine {
  constructor(private readonly em: Emulator) {}

  private newCall(
    ws: Workspace,
    number: NumberRecord,
    direction: LiveCall["direction"],
    remote: string,
    extra: Partial<LiveCall>,
  ): LiveCall {
    const now = iso();
    const call: LiveCall = {
      id: newId(),
      session_id: newSessionId(),
      workspace_id: ws.id,
      direction,
      number_id: number.id,
      local_e164: number.e164,
      remote_e164: remote,
      presented_e164: number.e164,
      caller_id: null,
      voice_callback_url: null,
      client_request_id: null,
      label: null,
      status: "ringing",
      started_at: now,
      answered_at: null,
      ended_at: null,
      duration_seconds: null,
      cost_minor: 0,
      rate_per_minute_minor: direction === "outbound" ? OUTBOUND_RATE_PER_MINUTE_MINOR : INBOUND_RATE_PER_MINUTE_MINOR,
      failure_code: null,
      metadata: null,
      created_at: now,
      updated_at: now,
      events: [],
      recording_id: null,
      abort: new AbortController(),
      onDigit: null,
      parent_call_id: null,
      room_key: null,
      ...extra,
    };
    this.em.store.addCall(call);
    emitCallEvent(this.em, call, "call.started", { ...legData(call), status: "started" });
    return call;
  }

  /** POST /v1/calls after validation, auth, rate limit and wallet checks. */
  createOutbound(ws: Workspace, req: CreateCallRequest): LiveCall {
    const from = ownedNumber(ws, req.from, "from");
    if (req.caller_id) ownedNumber(ws, req.caller_id, "caller_id");
    const call = this.newCall(ws, from, "outbound", req.to, {
      presented_e164: req.caller_id ?? from.e164,
      caller_id: req.caller_id ?? null,
      voice_callback_url: req.voice_callback_url ?? null,
      client_request_id: req.client_request_id ?? null,
      label: req.client_request_id && /^[^\s,{}"']+$/.test(req.client_request_id) ? req.client_request_id : null,
      metadata: req.client_request_id ? { client_request_id: req.client_request_id } : null,
    });
    void this.ring(call, RING_TIMEOUT_SECONDS);
    this.em.store.changed();
    return call;
  }

  /** A dial verb's leg, bridged to `parent` once answered (no voice flow of its own). */
  createDialLeg(parent: LiveCall, to: string, callerId: string, ringTimeoutSeconds: number): LiveCall {
    const ws = this.em.store.workspaces.get(parent.workspace_id)!;
    const number = this.em.store.numberById(ws, parent.number_id)!;
    const call = this.newCall(ws, number, "outbound", to, { presented_e164: callerId, parent_call_id: parent.id });
    void this.ring(call, ringTimeoutSeconds);
    return call;
  }

  /** A simulated phone dials a workspace number (control API). */
  dialIn(phoneE164: string, to: string): LiveCall {
    const found = this.em.store.findNumber(to);
    if (!found) throw new HttpError(404, "numbers.not_found", `${to} is not a number of any emulated workspace.`);
    const phone = this.em.store.phone(phoneE164);
    if (this.liveCallOf(phone)) throw new HttpError(409, "phone.busy", `${phoneE164} is already on a call.`);
    const call = this.newCall(found.workspace, found.number, "inbound", phoneE164, { presented_e164: phoneE164 });
    Object.assign(phone, { state: "ringing", call_id: call.id, room: null, muted: false });
    hear(phone, "system", `Calling ${to}…`);
    void startInboundFlow(this.em, call);
    this.em.store.changed();
    return call;
  }

  private async ring(call: LiveCall, timeoutSeconds: number): Promise<void> {
    const signal = call.abort.signal;
    const phone = this.em.store.phone(call.remote_e164);
    if (this.liveCallOf(phone)) {
      if (await sleep(this.em.scaled(QUICK_OUTCOME_MS), signal)) this.end(call, "busy", { cause: "user_busy" });
      return;
    }
    Object.assign(phone, { state: "ringing", call_id: call.id, room: null, muted: false });
    hear(phone, "system", `Incoming call from ${call.presented_e164}`);
    this.em.store.changed();
    const behaviour = effectiveBehaviour(phone);
    if (behaviour === "busy") {
      if (await sleep(this.em.scaled(QUICK_OUTCOME_MS), signal)) this.end(call, "busy", { cause: "user_busy" });
    } else if (behaviour === "fail") {
      if (await sleep(this.em.scaled(QUICK_OUTCOME_MS), signal))
        this.end(call, "failed", { failureCode: "network_failure" });
    } else if (behaviour === "no_answer") {
      if (await sleep(this.em.scaled(timeoutSeconds * 1000), signal))
        this.end(call, "no_answer", { cause: "no_answer" });
    } else if (behaviour === "voicemail") {
      if (!(await sleep(this.em.scaled(VOICEMAIL_ANSWER_SECONDS * 1000), signal))) return;
      this.answer(call);
      // The mailbox greets, beeps and records whatever the caller plays, until its limit or the
      // caller hangs up. It never presses a key (answersByItself is false for it).
      hear(
        phone,
        "play",
        "Voicemail greeting: the person you are calling is not available. Please leave a message after the tone.",
      );
      hear(phone, "beep", `Voicemail recording (up to ${this.em.config.voicemailSeconds} s)`);
      this.em.store.changed();
      const ms = this.em.config.voicemailSeconds * 1000;
      const answeredMs = Date.parse(call.answered_at!);
      if (await sleep(ms, signal)) this.end(call, "completed", { cause: HANGUP_NORMAL, endedAtMs: answeredMs + ms });
    } else if (behaviour === "auto" || typeof behaviour === "object") {
      if (!(await sleep(this.em.scaled(DEFAULT_RING_SECONDS * 1000), signal))) return;
      this.answer(call);
      if (typeof behaviour === "object") {
        // Call durations are real time, never scaled.
        const drop = "drop_after_seconds" in behaviour;
        const ms = (drop ? behaviour.drop_after_seconds : behaviour.hangup_after_seconds) * 1000;
        const answeredMs = Date.parse(call.answered_at!);
        if (await sleep(ms, signal))
          this.end(call, "completed", {
            cause: drop ? HANGUP_NETWORK_DROP : HANGUP_NORMAL,
            endedAtMs: answeredMs + ms,
          });
      }
    }
    // manual: rings until answered, declined or hung up.
  }

  answer(call: LiveCall): void {
    if (call.status !== "ringing") return;
    const now = iso();
    call.status = "answered";
    call.answered_at = now;
    call.updated_at = now;
    const phone = this.em.store.phone(call.remote_e164);
    if (phone.call_id === call.id) phone.state = "in_call";
    hear(phone, "system", call.direction === "outbound" ? "Call answered" : "Connected");
    emitCallEvent(this.em, call, "call.answered", { ...legData(call), status: "answered", answered_at: now });
    if (call.direction === "outbound" && !call.parent_call_id) void startOutboundFlow(this.em, call);
    this.em.store.changed();
  }

  /** Ends a call once; later calls are no-ops, which makes every hangup path idempotent. */
  end(
    call: LiveCall,
    status: CallStatus,
    opts: { failureCode?: string; cause?: string; endedAtMs?: number } = {},
  ): void {
    if (call.ended_at) return;
    const endedMs = opts.endedAtMs ?? Date.now();
    const answered = call.answered_at !== null;
    const finalStatus: CallStatus = answered ? "completed" : status === "completed" ? "canceled" : status;
    call.status = finalStatus;
    call.ended_at = iso(endedMs);
    call.updated_at = iso();
    call.failure_code = opts.failureCode ?? null;
    if (answered) {
      call.duration_seconds = Math.max(0, Math.ceil((endedMs - Date.parse(call.answered_at!)) / 1000));
      call.cost_minor = callCostMinor(call.duration_seconds, call.rate_per_minute_minor);
      const ws = this.em.store.workspaces.get(call.workspace_id);
      if (ws && call.cost_minor > 0) {
        ws.balance_minor -= call.cost_minor;
        this.em.store.persist();
      }
    } else call.duration_seconds = 0;
    call.onDigit = null;
    // Leave the room before aborting, so leave events see the leg as it was.
    this.em.conferences.onCallEnded(call);
    call.abort.abort();
    const phone = this.em.store.phone(call.remote_e164);
    if (phone.call_id === call.id) {
      Object.assign(phone, { state: "ended", call_id: null, room: null, muted: false });
      hear(phone, "system", `Call ended (${describeEnd(call, opts.cause)})`);
    }
    const data = legData(call);
    if (finalStatus === "completed") {
      emitCallEvent(this.em, call, "call.completed", {
        ...data,
        status: "completed",
        duration_seconds: call.duration_seconds,
        answered_at: call.answered_at!,
        ended_at: call.ended_at,
        // Q.850 names: a network drop is network_out_of_order; any normal hang-up by either party
        // (the person, the API, the voice document running out) is normal_clearing.
        hangup_cause: opts.failureCode ?? (opts.cause === HANGUP_NETWORK_DROP ? HANGUP_NETWORK_DROP : HANGUP_NORMAL),
        cost_minor: call.cost_minor,
      });
    } else {
      emitCallEvent(this.em, call, "call.failed", {
        ...data,
        status: "failed",
        failure_reason: opts.failureCode ?? finalStatus,
        call_status: finalStatus as "no_answer" | "busy" | "failed" | "canceled",
        ended_at: call.ended_at,
      });
    }
    this.em.store.changed();
  }

  /** POST /v1/calls/{id}/hangup: ringing → canceled, answered → completed; ended → no-op. */
  hangupFromApi(call: LiveCall): void {
    this.end(call, "completed", { cause: "api_hangup" });
  }

  /** Control-API reset: live calls stop silently (no events, no billing). */
  discardAll(): void {
    for (const call of this.em.store.calls.values()) {
      if (call.ended_at) continue;
      call.ended_at = iso();
      call.onDigit = null;
      call.abort.abort();
    }
  }

  liveCallOf(phone: Phone): LiveCall | undefined {
    const call = phone.call_id ? this.em.store.calls.get(phone.call_id) : undefined;
    return call && !call.ended_at ? call : undefined;
  }

  phoneAnswer(e164: string): LiveCall {
    const call = this.requireCall(e164);
    if (call.status !== "ringing" || call.direction !== "outbound")
      throw new HttpError(409, "phone.not_ringing", `${e164} has no incoming call to answer.`);
    this.answer(call);
    return call;
  }

  phoneDecline(e164: string): LiveCall {
    const call = this.requireCall(e164);
    if (call.status !== "ringing" || call.direction !== "outbound")
      throw new HttpError(409, "phone.not_ringing", `${e164} has no incoming call to decline.`);
    this.end(call, "busy", { cause: "call_rejected" });
    return call;
  }

  phoneHangup(e164: string): LiveCall {
    const call = this.requireCall(e164);
    if (call.status === "ringing" && call.direction === "outbound") this.end(call, "busy", { cause: "call_rejected" });
    else this.end(call, "completed", { cause: "normal_clearing" });
    return call;
  }

  /** The network drops the phone's answered call (control API, console "Drop (network)"). */
  phoneDrop(e164: string): LiveCall {
    const call = this.requireCall(e164);
    if (call.status !== "answered")
      throw new HttpError(409, "phone.not_in_call", `${e164} is not in an answered call.`);
    this.end(call, "completed", { cause: HANGUP_NETWORK_DROP });
    return call;
  }

  phoneDigits(e164: string, digits: string): LiveCall {
    const call = this.requireCall(e164);
    if (call.status !== "answered")
      throw new HttpError(409, "phone.not_in_call", `${e164} is not in an answered call.`);
    hear(this.em.store.phone(e164), "digits", digits);
    for (const key of digits) call.onDigit?.(key);
    this.em.store.changed();
    return call;
  }

  private requireCall(e164: string): LiveCall {
    const call = this.liveCallOf(this.em.store.phone(e164));
    if (!call) throw new HttpError(409, "phone.idle", `${e164} is not on a call.`);
    return call;
  }
}

function ownedNumber(ws: Workspace, e164: string, field: string): NumberRecord {
  const number = ws.numbers.find((n) => n.e164 === e164);
  if (!number) throw apiError("numbers.not_owned", `${field} ${e164} is not a number of this workspace.`);
  if (number.status !== "active") throw apiError("numbers.not_owned", `${field} ${e164} is not active.`);
  return number;
}

function describeEnd(call: LiveCall, cause?: string): string {
  if (call.failure_code) return call.failure_code.replaceAll("_", " ");
  if (cause === HANGUP_NETWORK_DROP) return `network dropped the call after ${call.duration_seconds} s`;
  return call.status === "completed" ? `${call.duration_seconds} s` : call.status.replace("_", " ");
}

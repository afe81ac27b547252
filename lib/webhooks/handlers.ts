import "server-only";
import { answerInboundCall } from "@/lib/dial-in/answer-inbound-call";
import { applyKeypad } from "@/lib/dial-in/apply-keypad";
import { answerOutboundCall } from "@/lib/meetings/answer-outbound-call";
import { captureRecording } from "@/lib/recordings/capture-recording";
import { applyCallEvent } from "@/lib/roster/apply-call-event";
import { applyConferenceEvent } from "@/lib/roster/apply-conference-event";
import type { VoiceResponse } from "@/lib/sautikit/contract/voice-actions";
import type { WebhookRoute } from "@/lib/shared/webhook-routes";
import type { CallEvent, ConferenceDigits, ConferenceEvent, VoiceCallback } from "@/lib/webhooks/payloads";

// Which domain function answers each webhook: the one place to look. The pipeline
// (handle-webhook.ts → dispatch.ts: verify → parse → dedupe) runs first, so a handler only ever
// sees a verified, parsed payload for the workspace in `ctx`.
//
// Rules for handlers:
// - Event handlers must be idempotent and monotonic (a stale or replayed event is a no-op).
// - Ids in the URL or the body are claims: check that the call / room / meeting belongs to
//   ctx.workspaceId before changing anything (the URL is not signed: docs/sautikit.md §7).
// - Throw to make Sautikit retry later (5xx). Throw an AppError with a 4xx code for an event that
//   can never be applied (it is recorded with the error and not retried).

export type { WebhookRoute };

export type WebhookContext = {
  workspaceId: string;
  route: WebhookRoute;
  receivedAt: Date;
  /** X-Sautikit-Idempotency-Key of this delivery attempt, when sent. */
  deliveryId?: string;
};

export type EventContext = WebhookContext & {
  /** The stored event's row id and its dedupe key (Sautikit's id or sha256 of the body). */
  eventRowId: string;
  eventKey: string;
};

export type VoiceHandler = (ctx: WebhookContext, callback: VoiceCallback) => Promise<VoiceResponse>;
export type ConferenceEventHandler = (ctx: EventContext, event: ConferenceEvent) => Promise<void>;
/** May return say/play actions to play to the leg that pressed the keys. */
export type ConferenceDigitsHandler = (ctx: EventContext, digits: ConferenceDigits) => Promise<VoiceResponse | void>;
export type CallEventHandler = (ctx: EventContext, event: CallEvent) => Promise<void>;

const applyCall: CallEventHandler = async (ctx, ev) => {
  await applyCallEvent(ctx.workspaceId, ev, ctx.eventKey);
};

/** `call.*` lifecycle events by kind (docs/sautikit.md §6); a kind not listed is stored and ignored. */
export const callEventHandlers: Readonly<Record<string, CallEventHandler>> = {
  "call.started": applyCall,
  "call.answered": applyCall,
  "call.completed": applyCall,
  "call.failed": applyCall,
  "call.recording.ready": async (ctx, ev) => {
    await captureRecording({
      workspaceId: ctx.workspaceId,
      callId: ev.data.callId,
      clientRequestId: ev.data.clientRequestId,
      durationSeconds: ev.data.durationSeconds,
      sizeBytes: ev.data.sizeBytes,
      source: "call.recording.ready",
    });
  },
};

/** Each webhook route Sautikit calls (app/api/sautikit/[workspaceId]/…) and the function that answers it. */
export const webhookHandlers = {
  /** An outbound leg was answered: greet and bridge into the room. */
  "voice/outbound": ((ctx, cb) => answerOutboundCall(ctx.workspaceId, cb)) as VoiceHandler,
  /** Someone dialled a workspace number (and the PIN prompt's digits come back here). */
  "voice/inbound": ((ctx, cb) => answerInboundCall(ctx.workspaceId, cb)) as VoiceHandler,
  /** Room start / end, join / leave / mute: roster facts. */
  "conference/events": (async (ctx, ev) => {
    await applyConferenceEvent(ctx.workspaceId, ev, ctx.eventKey);
  }) as ConferenceEventHandler,
  /** Keys a host pressed in the room (mute all, lock, end…). */
  "conference/digits": ((ctx, d) => applyKeypad(ctx.workspaceId, d, ctx.eventKey)) as ConferenceDigitsHandler,
  /** `call.*` lifecycle events, by kind (above). */
  "call-events": (async (ctx, ev) => {
    await callEventHandlers[ev.kind]?.(ctx, ev);
  }) as CallEventHandler,
} satisfies Record<WebhookRoute, unknown>;

export type WebhookHandlers = typeof webhookHandlers;

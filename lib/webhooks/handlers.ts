import "server-only";
import type { VoiceResponse } from "@/lib/sautikit/voice-actions";
import type { CallEvent, ConferenceDigits, ConferenceEvent, VoiceCallback } from "@/lib/webhooks/payloads";

// Where webhook routes hand over to meeting logic. The pipeline (verify → parse → dedupe) runs
// first; a handler only ever sees a verified, parsed payload for the workspace in `ctx`. Handlers
// register once per process (see register-app-handlers.ts).
//
// Rules for handlers:
// - Event handlers must be idempotent and monotonic (a stale or replayed event is a no-op).
// - Ids in the URL or the body are claims: check that the call / room / meeting belongs to
//   ctx.workspaceId before changing anything (docs/architecture.md; the URL is not signed, docs/sautikit.md §7).
// - Throw to make Sautikit retry later (5xx). Throw an AppError with a 4xx code for an event that
//   can never be applied (it is recorded with the error and not retried).

export type WebhookRoute = "voice/outbound" | "voice/inbound" | "conference/events" | "conference/digits" | "call-events";

export type WebhookContext = {
  workspaceId: string;
  route: WebhookRoute;
  /** The query string of the callback URL (clientRequestId, meeting ids…): unsigned, so only a hint. */
  query: URLSearchParams;
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

export type WebhookHandlers = {
  voiceOutbound?: VoiceHandler;
  voiceInbound?: VoiceHandler;
  conferenceEvent?: ConferenceEventHandler;
  conferenceDigits?: ConferenceDigitsHandler;
  callEvent?: CallEventHandler;
};

const store = globalThis as typeof globalThis & { __mkutanoWebhookHandlers?: WebhookHandlers };
const registry: WebhookHandlers = (store.__mkutanoWebhookHandlers ??= {});

/** Sets (or replaces) handlers; pass `undefined` for a key to remove it. */
export function registerWebhookHandlers(handlers: WebhookHandlers): void {
  Object.assign(registry, handlers);
}

export function webhookHandlers(): Readonly<WebhookHandlers> {
  return registry;
}

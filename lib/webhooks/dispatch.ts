import "server-only";
import { errorStatus, isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { bilingualRefusal } from "@/lib/meetings/prompts/bilingual";
import type { VoiceResponse } from "@/lib/sautikit/contract/voice-actions";
import { isSayPlayOnly, tryVoiceResponse } from "@/lib/sautikit/voice-actions";
import {
  markEventApplied,
  releaseEvent,
  storeAndClaimEvent,
  type StoredEventInput,
  waitForOtherApply,
} from "@/lib/webhooks/event-store";
import type { ZodSafeParseResult } from "zod";
import { webhookHandlers, type EventContext, type WebhookContext, type WebhookRoute } from "@/lib/webhooks/handlers";
import type { ParsedBody } from "@/lib/webhooks/parse-body";
import { readCallEvent, readConferenceDigits, readConferenceEvent, readVoiceCallback } from "@/lib/webhooks/payloads";
import type { Verdict } from "@/lib/webhooks/record-delivery";
import { jsonAnswer, type WebhookAnswer } from "@/lib/webhooks/webhook-io";

export type Outcome = { verdict: Verdict; response: WebhookAnswer; kind?: string; eventId?: string; error?: string };

// The app could not answer properly, so the meeting (and its language) is unknown: both languages.
// Serialised once: answers are plain data, never changed after they are built.
const technicalProblem = jsonAnswer(bilingualRefusal((p) => p.technicalProblem));

// ---------------------------------------------------------------- voice callbacks

/** Voice callbacks are never deduplicated and always answered: a caller is waiting on the line. */
export async function dispatchVoice(ctx: WebhookContext, body: ParsedBody | null): Promise<Outcome> {
  const kind = ctx.route === "voice/outbound" ? "voice.outbound" : "voice.inbound";
  const parsed = body ? readVoiceCallback(body.fields) : null;
  if (!parsed?.success) {
    const error = parsed ? issues(parsed.error) : "body is neither JSON nor form-encoded";
    return { verdict: "invalid", kind, error, response: technicalProblem };
  }
  const handler = webhookHandlers[ctx.route === "voice/outbound" ? "voice/outbound" : "voice/inbound"];
  const base = { kind, eventId: parsed.data.callId };
  let doc: VoiceResponse;
  try {
    doc = await handler(ctx, parsed.data);
  } catch (err) {
    log.error({ err, workspaceId: ctx.workspaceId, callId: parsed.data.callId }, "voice handler failed");
    return { ...base, verdict: "failed", error: errorText(err), response: technicalProblem };
  }
  const checked = tryVoiceResponse(doc);
  if (!checked.ok) {
    // Never send Sautikit a document it would reject: that drops the caller without a word.
    log.error({ workspaceId: ctx.workspaceId, error: checked.error }, "voice handler produced an invalid document");
    return { ...base, verdict: "failed", error: checked.error, response: technicalProblem };
  }
  return { ...base, verdict: "accepted", response: jsonAnswer(checked.doc) };
}

// ---------------------------------------------------------------- events

/** The verified body exactly as it arrived (bytes), its UTF-8 reading, and the signature's time. */
type Raw = { bytes: Uint8Array; text: string; contentType: string | null; signedAt: Date };

/** What a parsed event is stored under (the rest of StoredEventInput comes from the request). */
type EventColumns = Pick<StoredEventInput, "eventId" | "kind" | "callId" | "roomName" | "sequence" | "occurredAt">;

/** One event route: how its body is read, what its stored event is filed under, and who applies it. */
type EventRoute<P> = {
  /** The payload's name in an "invalid payload" verdict. */
  payload: string;
  read: (fields: Record<string, unknown>) => ZodSafeParseResult<P>;
  columns: (p: P) => EventColumns;
  apply: (ec: EventContext, p: P) => Promise<VoiceResponse | void>;
};

const eventRoute = <P>(route: EventRoute<P>) => route;

const eventRoutes = {
  "conference/events": eventRoute({
    payload: "conference.event",
    read: readConferenceEvent,
    columns: (e) => ({
      eventId: e.eventId,
      kind: `conference.${e.event}`,
      callId: e.callId,
      roomName: e.room,
      sequence: e.sequence,
      occurredAt: e.timestamp,
    }),
    apply: (ec, e) => webhookHandlers["conference/events"](ec, e),
  }),
  "conference/digits": eventRoute({
    payload: "conference.digits",
    read: readConferenceDigits,
    columns: (d) => ({
      eventId: d.eventId,
      kind: "conference.digits",
      callId: d.callId,
      roomName: d.room,
      occurredAt: d.timestamp,
    }),
    apply: (ec, d) => webhookHandlers["conference/digits"](ec, d),
  }),
  "call-events": eventRoute({
    payload: "call.event",
    read: readCallEvent,
    columns: (c) => ({ eventId: c.eventId, kind: c.kind, callId: c.data.callId, occurredAt: c.occurredAt }),
    apply: (ec, c) => webhookHandlers["call-events"](ec, c),
  }),
} satisfies Record<Exclude<WebhookRoute, "voice/outbound" | "voice/inbound">, unknown>;

export async function dispatchEvent(ctx: WebhookContext, fields: Record<string, unknown>, raw: Raw): Promise<Outcome> {
  const route = ctx.route === "conference/events" || ctx.route === "conference/digits" ? ctx.route : "call-events";
  // Each entry's reader, columns and handler agree on its payload type (eventRoute checks that).
  return dispatchWith(ctx, eventRoutes[route] as EventRoute<unknown>, fields, raw);
}

function dispatchWith<P>(ctx: WebhookContext, route: EventRoute<P>, fields: Record<string, unknown>, raw: Raw) {
  const p = route.read(fields);
  if (!p.success) return invalid(route.payload, issues(p.error));
  const input: StoredEventInput = {
    workspaceId: ctx.workspaceId,
    route: ctx.route,
    rawBody: raw.bytes,
    contentType: raw.contentType,
    signedAt: raw.signedAt,
    ...route.columns(p.data),
    payload: p.data,
  };
  return applyOnce(ctx, input, (ec) => route.apply(ec, p.data));
}

/** How long a copy of an event waits for another request that is applying it. */
const IN_PROGRESS_WAIT_MS = 5_000;

async function applyOnce(
  ctx: WebhookContext,
  input: StoredEventInput,
  apply: (ec: EventContext) => Promise<VoiceResponse | void>,
): Promise<Outcome> {
  let stored;
  try {
    stored = await storeAndClaimEvent(input);
    // A copy of an event that another request is applying: answer with that request's outcome.
    // If the claim is still held after the wait (its process may have died), a 503 makes Sautikit
    // retry later, by when the claim is stale and the event is applied — never a 2xx for nothing.
    if (stored.status === "in_progress") {
      const other = await waitForOtherApply(stored.rowId, IN_PROGRESS_WAIT_MS);
      if (other === "released") stored = await storeAndClaimEvent(input);
      else if (other === "applied") stored = { ...stored, status: "duplicate" as const };
    }
  } catch (err) {
    // Not stored, so not applied: a 5xx makes Sautikit deliver it again.
    log.error({ err, workspaceId: ctx.workspaceId }, "could not store webhook event");
    return {
      verdict: "failed",
      kind: input.kind,
      eventId: input.eventId,
      error: "could not store the event",
      response: jsonAnswer({ error: { message: "try again" } }, 503),
    };
  }
  const base = { kind: input.kind, eventId: stored.eventKey };
  if (stored.status === "duplicate")
    return { ...base, verdict: "duplicate", response: jsonAnswer({ ok: true, duplicate: true }) };
  if (stored.status === "in_progress") {
    return {
      ...base,
      verdict: "failed",
      error: "being applied by another request",
      response: jsonAnswer({ error: { message: "try again" } }, 503),
    };
  }
  try {
    const reply = await apply({ ...ctx, eventRowId: stored.rowId, eventKey: stored.eventKey });
    await markEventApplied(stored.rowId);
    const checked = reply ? tryVoiceResponse(reply) : null;
    if (checked?.ok && isSayPlayOnly(checked.doc))
      return { ...base, verdict: "accepted", response: jsonAnswer(checked.doc) };
    if (checked)
      log.error(
        { workspaceId: ctx.workspaceId, kind: input.kind },
        "digits reply dropped: only say/play may be played in a room",
      );
    return { ...base, verdict: "accepted", response: jsonAnswer({ ok: true }) };
  } catch (err) {
    if (isAppError(err) && errorStatus[err.code] < 500) {
      // Can never apply (e.g. a room that is not this workspace's): keep it, say so, stop retries.
      await markEventApplied(stored.rowId, `${err.code}: ${err.message}`);
      return {
        ...base,
        verdict: "invalid",
        error: `${err.code}: ${err.message}`,
        response: jsonAnswer({ error: { code: err.code, message: err.message } }, 422),
      };
    }
    log.error({ err, workspaceId: ctx.workspaceId, kind: input.kind }, "webhook handler failed; Sautikit will retry");
    await releaseEvent(stored.rowId, errorText(err)).catch(() => undefined);
    return {
      ...base,
      verdict: "failed",
      error: errorText(err),
      response: jsonAnswer({ error: { message: "try again" } }, 500),
    };
  }
}

function invalid(kind: string, error: string): Outcome {
  return {
    verdict: "invalid",
    kind,
    error,
    response: jsonAnswer({ error: { message: `invalid payload: ${error}` } }, 400),
  };
}

function issues(error: { issues: Array<{ path: PropertyKey[]; message: string }> }): string {
  return error.issues
    .slice(0, 4)
    .map((i) => `${i.path.map(String).join(".") || "body"}: ${i.message}`)
    .join("; ");
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message.slice(0, 500) : String(err).slice(0, 500);
}

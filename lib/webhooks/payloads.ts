import { z } from "zod";

// Liberal readers for what Sautikit sends. The contract's canonical schemas (lib/sautikit/contract)
// are what the emulator sends; real traffic has shown other spellings (PascalCase, snake_case,
// camelCase, PBX-native names), so each field is read from every known alias, unknown fields are
// ignored, and only the fields the app cannot work without are required.

type Fields = Record<string, unknown>;

function str(fields: Fields, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = fields[n];
    if (typeof v === "string" && v !== "") return v;
    if (typeof v === "number" && Number.isFinite(v)) return String(v);
  }
  return undefined;
}

/** Like str, but an empty string counts (a getDigits timeout posts `Digits=`). */
function strOrEmpty(fields: Fields, ...names: string[]): string | undefined {
  for (const n of names) if (typeof fields[n] === "string") return fields[n] as string;
  return str(fields, ...names);
}

function bool(fields: Fields, ...names: string[]): boolean | undefined {
  for (const n of names) {
    const v = fields[n];
    if (typeof v === "boolean") return v;
    if (v === "true" || v === "1") return true;
    if (v === "false" || v === "0") return false;
  }
  return undefined;
}

function int(fields: Fields, ...names: string[]): number | undefined {
  const s = str(fields, ...names);
  return s !== undefined && /^-?\d+$/.test(s) ? Number(s) : undefined;
}

function direction(fields: Fields, ...names: string[]): "inbound" | "outbound" | undefined {
  const d = str(fields, ...names)?.toLowerCase();
  return d?.startsWith("outbound") ? "outbound" : d?.startsWith("inbound") ? "inbound" : undefined;
}

function time(fields: Fields, ...names: string[]): Date | undefined {
  const s = str(fields, ...names);
  if (s === undefined) return undefined;
  // Unix seconds or milliseconds are seen in the wild as well as RFC 3339.
  const d = /^\d{9,10}$/.test(s)
    ? new Date(Number(s) * 1000)
    : /^\d{12,13}$/.test(s)
      ? new Date(Number(s))
      : new Date(s);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

const digitsSchema = z
  .string()
  .regex(/^[0-9*#]*$/, "digits may only contain 0-9, * and #")
  .max(64);
const idSchema = z.string().min(1).max(200);

// ---------------------------------------------------------------- voice callbacks (§4)

export const voiceCallbackSchema = z.object({
  callId: idSchema,
  sessionId: idSchema.optional(),
  from: z.string().min(1).max(64).optional(),
  to: z.string().min(1).max(64).optional(),
  direction: z.enum(["inbound", "outbound"]).optional(),
  status: z.string().max(40).optional(),
  digits: digitsSchema.optional(),
  clientRequestId: z.string().max(5000).optional(),
});
export type VoiceCallback = z.infer<typeof voiceCallbackSchema>;

// Only signed bytes identify anything: the query string Sautikit appends (`?clientRequestId=`) and
// its X-Sautikit-Event-* headers are not covered by the signature, so none of them is read here.
export function readVoiceCallback(fields: Fields) {
  return voiceCallbackSchema.safeParse({
    // The UUID is the id legs are stored under; the PBX session id is the fallback.
    callId: str(fields, "CallId", "call_id", "CallSid", "callSid", "call_sid", "callId", "sessionId", "session_id"),
    sessionId: str(fields, "sessionId", "session_id", "SessionId"),
    from: str(fields, "From", "callerNumber", "from", "caller", "Caller"),
    to: str(fields, "To", "destinationNumber", "clientDialedNumber", "to", "Called"),
    direction: direction(fields, "Direction", "direction"),
    status: str(fields, "CallStatus", "callSessionState", "CallSessionState", "status", "call_status")?.toLowerCase(),
    digits: strOrEmpty(fields, "Digits", "digits", "dtmfDigits"),
    clientRequestId: str(fields, "clientRequestId", "client_request_id", "ClientRequestId"),
  });
}

// ---------------------------------------------------------------- conference status events (§5)

const conferenceEventNames = ["start", "end", "join", "leave", "mute", "unmute"] as const;
export type ConferenceEventName = (typeof conferenceEventNames)[number];

export const conferenceEventSchema = z.object({
  eventId: idSchema.optional(),
  room: z.string().min(1).max(200),
  event: z.enum(conferenceEventNames),
  callId: idSchema.optional(),
  sessionId: idSchema.optional(),
  participantId: z.string().max(200).optional(),
  caller: z.string().max(64).optional(),
  muted: z.boolean().optional(),
  participants: z.number().int().nonnegative().optional(),
  clientRequestId: z.string().max(5000).optional(),
  timestamp: z.date().optional(),
  sequence: z.number().int().nonnegative().optional(),
  recordingUrl: z.string().max(4000).optional(),
  recordingCallId: idSchema.optional(),
});
export type ConferenceEvent = z.infer<typeof conferenceEventSchema>;

function conferenceEventName(fields: Fields): string | undefined {
  const raw = str(fields, "event", "StatusCallbackEvent", "Event", "conferenceEvent", "status")?.toLowerCase();
  if (!raw) return undefined;
  // "conference-start", "participant-join", "participant-mute"… → the short name.
  return raw.replace(/^(conference|participant)[-_]/, "");
}

export function readConferenceEvent(fields: Fields) {
  return conferenceEventSchema.safeParse({
    eventId: str(fields, "EventId", "event_id", "eventId"),
    room: str(fields, "ConferenceName", "conference_name", "conferenceName", "conferenceRoomName", "room"),
    event: conferenceEventName(fields),
    callId: str(fields, "CallId", "call_id", "CallSid", "callSid", "callId"),
    sessionId: str(fields, "session_id", "sessionId"),
    participantId: str(fields, "participant_id", "participantId", "conferenceParticipantId"),
    caller: str(fields, "caller", "callerNumber", "Caller", "participantNumber"),
    muted: bool(fields, "muted", "Muted"),
    participants: int(fields, "participants", "Participants", "participant_count"),
    clientRequestId: str(fields, "clientRequestId", "client_request_id", "ClientRequestId"),
    timestamp: time(fields, "Timestamp", "timestamp", "occurred_at"),
    sequence: int(fields, "SequenceNumber", "sequence_number", "sequenceNumber", "sequence"),
    recordingUrl: str(fields, "RecordingUrl", "recording_url", "recordingUrl"),
    recordingCallId: str(fields, "recording_call_id", "RecordingCallId", "recordingCallId"),
  });
}

// ---------------------------------------------------------------- conference digits (§5)

export const conferenceDigitsSchema = z.object({
  eventId: idSchema.optional(),
  room: z.string().min(1).max(200),
  callId: idSchema,
  digits: digitsSchema,
  clientRequestId: z.string().max(5000).optional(),
  timestamp: z.date().optional(),
});
export type ConferenceDigits = z.infer<typeof conferenceDigitsSchema>;

export function readConferenceDigits(fields: Fields) {
  return conferenceDigitsSchema.safeParse({
    eventId: str(fields, "EventId", "event_id", "eventId"),
    room: str(fields, "ConferenceName", "conference_name", "conferenceName", "room"),
    callId: str(fields, "CallId", "call_id", "CallSid", "callId"),
    digits: strOrEmpty(fields, "Digits", "digits"),
    clientRequestId: str(fields, "clientRequestId", "client_request_id", "ClientRequestId"),
    timestamp: time(fields, "Timestamp", "timestamp"),
  });
}

// ---------------------------------------------------------------- call lifecycle events (§6)

export const callEventSchema = z.object({
  eventId: idSchema.optional(),
  kind: z.string().regex(/^call\.[a-z_.]+$/, "must be a call.* event kind"),
  occurredAt: z.date().optional(),
  workspaceId: z.string().optional(),
  data: z.object({
    callId: idSchema,
    sessionId: z.string().optional(),
    direction: z.enum(["inbound", "outbound"]).optional(),
    from: z.string().optional(),
    to: z.string().optional(),
    numberId: z.string().optional(),
    status: z.string().optional(),
    /** The terminal call status for a failed call: no_answer | busy | failed | canceled. */
    callStatus: z.string().optional(),
    failureReason: z.string().optional(),
    hangupCause: z.string().optional(),
    durationSeconds: z.number().int().nonnegative().optional(),
    costMinor: z.number().int().nonnegative().optional(),
    answeredAt: z.date().optional(),
    endedAt: z.date().optional(),
    recordingId: z.string().optional(),
    downloadUrl: z.string().optional(),
    sizeBytes: z.number().int().nonnegative().optional(),
    expiresAt: z.date().optional(),
    clientRequestId: z.string().max(5000).optional(),
  }),
});
export type CallEvent = z.infer<typeof callEventSchema>;

export function readCallEvent(fields: Fields) {
  // Envelopes seen: { kind, data } (the contract), { event_kind, payload }, and flat bodies.
  const nested = [fields.data, fields.payload].find((v) => typeof v === "object" && v !== null && !Array.isArray(v));
  const data = (nested ?? fields) as Fields;
  return callEventSchema.safeParse({
    // No id in the body: the event store keys it by a hash of the raw body instead.
    eventId: str(fields, "event_id", "eventId", "EventId", "id"),
    kind: str(fields, "kind", "event_kind", "event_type", "type", "event"),
    occurredAt: time(fields, "occurred_at", "occurredAt", "timestamp", "created_at") ?? time(data, "occurred_at"),
    workspaceId: str(fields, "workspace_id", "workspaceId"),
    data: {
      callId: str(data, "call_id", "callId", "CallId", "id", "pbx_call_id", "session_id"),
      sessionId: str(data, "session_id", "sessionId", "pbx_call_id"),
      direction: direction(data, "direction", "Direction"),
      from: str(data, "from", "From", "callerNumber"),
      to: str(data, "to", "To", "destinationNumber"),
      numberId: str(data, "number_id", "numberId"),
      status: str(data, "status"),
      callStatus: str(data, "call_status", "callStatus"),
      failureReason: str(data, "failure_reason", "failureReason", "failure_code"),
      hangupCause: str(data, "hangup_cause", "hangupCause"),
      durationSeconds: int(data, "duration_seconds", "durationSeconds", "recording_duration_seconds"),
      costMinor: int(data, "cost_minor", "costMinor"),
      answeredAt: time(data, "answered_at", "answeredAt"),
      endedAt: time(data, "ended_at", "endedAt"),
      recordingId: str(data, "recording_id", "recordingId"),
      downloadUrl: str(data, "download_url", "downloadUrl", "recording_url"),
      sizeBytes: int(data, "size_bytes", "sizeBytes", "recording_size_bytes"),
      expiresAt: time(data, "expires_at", "expiresAt"),
      clientRequestId:
        str(data, "clientRequestId", "client_request_id") ?? str(fields, "clientRequestId", "client_request_id"),
    },
  });
}

import { z } from "zod";
import { e164Schema } from "./common";

// Voice callback (Sautikit → app), form-encoded, carrying both naming styles (docs/sautikit.md §4).

export const voiceCallbackStatusSchema = z.enum(["ringing", "answered"]);

export const voiceCallbackBodySchema = z.strictObject({
  CallId: z.string().min(1),
  CallSid: z.string().min(1),
  From: e164Schema,
  To: e164Schema,
  Direction: z.enum(["inbound", "outbound"]),
  CallStatus: voiceCallbackStatusSchema,
  Digits: z
    .string()
    .regex(/^[0-9*#]*$/)
    .optional(),
  sessionId: z.string().min(1),
  call_id: z.string().min(1),
  callerNumber: e164Schema,
  destinationNumber: e164Schema,
  callSessionState: voiceCallbackStatusSchema,
  clientRequestId: z.string().optional(),
});
export type VoiceCallbackBody = z.infer<typeof voiceCallbackBodySchema>;

/** Builds the canonical body; `from`/`to` are the caller and the callee as the phone network sees them. */
export function buildVoiceCallbackBody(input: {
  callId: string;
  sessionId: string;
  from: string;
  to: string;
  direction: "inbound" | "outbound";
  status: "ringing" | "answered";
  digits?: string;
  clientRequestId?: string;
}): VoiceCallbackBody {
  return {
    CallId: input.callId,
    CallSid: input.callId,
    From: input.from,
    To: input.to,
    Direction: input.direction,
    CallStatus: input.status,
    ...(input.digits !== undefined ? { Digits: input.digits } : {}),
    sessionId: input.sessionId,
    call_id: input.callId,
    callerNumber: input.from,
    destinationNumber: input.to,
    callSessionState: input.status,
    ...(input.clientRequestId !== undefined ? { clientRequestId: input.clientRequestId } : {}),
  };
}

/** Body POSTed to a record verb's `action` URL when the recording is finished. */
export const recordActionBodySchema = z.strictObject({
  CallId: z.string(),
  call_id: z.string(),
  sessionId: z.string(),
  RecordingUrl: z.string(),
  recording_url: z.string(),
  RecordingDuration: z.string().regex(/^\d+$/),
  recording_id: z.string(),
  clientRequestId: z.string().optional(),
});
export type RecordActionBody = z.infer<typeof recordActionBodySchema>;

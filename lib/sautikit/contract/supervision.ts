import { z } from "zod";
import { e164Schema, timestampSchema } from "./common";

// Call supervision (SDK 0.5.0): one supervisor per live call, listening, whispering or barging in.
// Request bodies are strict (what the emulator accepts); the object is what it answers.

export const SUPERVISION_LABEL_MAX_LENGTH = 64;
/** Supervisor legs on a browser (client) or SIP device: KES 0.50 a minute, billed per second. */
export const SUPERVISOR_CLIENT_RATE_PER_MINUTE_MINOR = 50;

export const supervisionModeSchema = z.enum(["listen", "whisper", "barge"]);
export type SupervisionMode = z.infer<typeof supervisionModeSchema>;
export const supervisionAnnounceSchema = z.enum(["none", "agent", "both"]);
export type SupervisionAnnounce = z.infer<typeof supervisionAnnounceSchema>;
export const supervisionStateSchema = z.enum(["connecting", "ringing", "connected", "ended", "failed"]);
export type SupervisionState = z.infer<typeof supervisionStateSchema>;

const identitySchema = z.string().trim().min(1).max(128);

export const supervisorTargetSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("client"), identity: identitySchema }),
  z.strictObject({ type: z.literal("sip"), identity: identitySchema }),
  z.strictObject({ type: z.literal("phone"), number: e164Schema }),
]);
export type SupervisorTarget = z.infer<typeof supervisorTargetSchema>;

export const superviseRequestSchema = z.strictObject({
  mode: supervisionModeSchema,
  supervisor: supervisorTargetSchema,
  announce: supervisionAnnounceSchema.default("none"),
  label: z.string().trim().min(1).max(SUPERVISION_LABEL_MAX_LENGTH).optional(),
  notify_agent: z.boolean().default(true),
});
export type SuperviseRequest = z.output<typeof superviseRequestSchema>;

export const setSupervisionModeRequestSchema = z.strictObject({ mode: supervisionModeSchema });

export const callSupervisionSchema = z.object({
  supervision_id: z.string(),
  call_id: z.string(),
  session_id: z.string(),
  supervisor_leg_id: z.string().optional(),
  mode: supervisionModeSchema,
  announce: supervisionAnnounceSchema,
  supervisor: z.object({
    type: z.enum(["client", "sip", "phone"]),
    identity: z.string().optional(),
    number: z.string().optional(),
    label: z.string().optional(),
  }),
  notify_agent: z.boolean(),
  state: supervisionStateSchema,
  connected_at: timestampSchema.optional(),
  ended_at: timestampSchema.optional(),
  created_at: timestampSchema,
});
export type CallSupervision = z.infer<typeof callSupervisionSchema>;

export const getSupervisionResponseSchema = z.object({ supervision: callSupervisionSchema.nullable() });

/** `data` of call.supervision.started / mode_changed / ended (sent to the call's number's events_url). */
export const supervisionEventDataSchema = callSupervisionSchema.extend({
  previous_mode: supervisionModeSchema.optional(),
  /** ended only: why it ended. */
  reason: z.enum(["stopped", "call_ended", "supervisor_hung_up", "supervisor_unreachable"]).optional(),
  /** ended only: billed seconds and cost of the supervisor leg (0 when it never connected). */
  duration_seconds: z.number().int().nonnegative().optional(),
  cost_minor: z.number().int().nonnegative().optional(),
});
export type SupervisionEventData = z.infer<typeof supervisionEventDataSchema>;

export const supervisionEventKinds = [
  "call.supervision.started",
  "call.supervision.mode_changed",
  "call.supervision.ended",
] as const;
export type SupervisionEventKind = (typeof supervisionEventKinds)[number];

export const supervisionEventSchema = z.strictObject({
  kind: z.enum(supervisionEventKinds),
  event_id: z.string().min(1),
  workspace_id: z.string(),
  occurred_at: timestampSchema,
  data: supervisionEventDataSchema,
});

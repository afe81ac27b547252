import { z } from "zod";
import { timestampSchema } from "./common";
import { callDirectionSchema } from "./calls";

// Call lifecycle events (docs/sautikit.md §6): a JSON envelope sent to the number's events_url.

const legData = {
  call_id: z.string(),
  session_id: z.string(),
  pbx_call_id: z.string(),
  direction: callDirectionSchema,
  from: z.string(),
  to: z.string(),
  number_id: z.string(),
  clientRequestId: z.string().optional(),
};

export const callStartedDataSchema = z.strictObject({ ...legData, status: z.literal("started") });
export const callAnsweredDataSchema = z.strictObject({
  ...legData,
  status: z.literal("answered"),
  answered_at: timestampSchema,
});
export const callCompletedDataSchema = z.strictObject({
  ...legData,
  status: z.literal("completed"),
  duration_seconds: z.number().int().nonnegative(),
  answered_at: timestampSchema,
  ended_at: timestampSchema,
  hangup_cause: z.string(),
  cost_minor: z.number().int().nonnegative(),
});
export const callFailedDataSchema = z.strictObject({
  ...legData,
  status: z.literal("failed"),
  /** The terminal status (no_answer, busy, canceled, failed) or the failure code (rejected, invalid_voice_response…). */
  failure_reason: z.string(),
  call_status: z.enum(["no_answer", "busy", "failed", "canceled"]),
  ended_at: timestampSchema,
});
export const callRecordingReadyDataSchema = z.strictObject({
  call_id: z.string(),
  session_id: z.string(),
  number_id: z.string(),
  recording_id: z.string(),
  duration_seconds: z.number().int().nonnegative(),
  size_bytes: z.number().int().nonnegative(),
  download_url: z.string(),
  expires_at: timestampSchema,
  clientRequestId: z.string().optional(),
});

const envelope = { event_id: z.string().min(1), workspace_id: z.string(), occurred_at: timestampSchema };

export const callEventSchema = z.discriminatedUnion("kind", [
  z.strictObject({ ...envelope, kind: z.literal("call.started"), data: callStartedDataSchema }),
  z.strictObject({ ...envelope, kind: z.literal("call.answered"), data: callAnsweredDataSchema }),
  z.strictObject({ ...envelope, kind: z.literal("call.completed"), data: callCompletedDataSchema }),
  z.strictObject({ ...envelope, kind: z.literal("call.failed"), data: callFailedDataSchema }),
  z.strictObject({ ...envelope, kind: z.literal("call.recording.ready"), data: callRecordingReadyDataSchema }),
]);
export type CallEvent = z.infer<typeof callEventSchema>;
export type CallEventKind = CallEvent["kind"];

import { z } from "zod";
import { formBoolSchema, formIntSchema, timestampSchema } from "./common";
import { conferenceNameSchema, type ConferenceStatusEventName } from "./voice-actions";

// Conference status events and in-room digits (docs/sautikit.md §5), form-encoded with both naming styles.

export const statusCallbackEventNames = {
  start: "conference-start",
  end: "conference-end",
  join: "participant-join",
  leave: "participant-leave",
  mute: "participant-mute",
  unmute: "participant-unmute",
} as const satisfies Record<ConferenceStatusEventName, string>;

const base = {
  ConferenceName: conferenceNameSchema,
  conference_name: conferenceNameSchema,
  EventId: z.string().min(1),
  Timestamp: timestampSchema,
  SequenceNumber: formIntSchema,
  participants: formIntSchema,
};

/** Room-level event: start / end. `end` carries the recording when the room was recorded. */
export const conferenceRoomEventSchema = z.strictObject({
  ...base,
  StatusCallbackEvent: z.enum(["conference-start", "conference-end"]),
  event: z.enum(["start", "end"]),
  RecordingUrl: z.string().optional(),
  recording_url: z.string().optional(),
  recording_call_id: z.string().optional(),
});

/** Leg-level event: join / leave / mute / unmute. */
export const conferenceLegEventSchema = z.strictObject({
  ...base,
  StatusCallbackEvent: z.enum(["participant-join", "participant-leave", "participant-mute", "participant-unmute"]),
  event: z.enum(["join", "leave", "mute", "unmute"]),
  CallId: z.string().min(1),
  call_id: z.string().min(1),
  session_id: z.string().min(1),
  participant_id: z.string().min(1),
  caller: z.string().min(1),
  muted: formBoolSchema,
  clientRequestId: z.string().optional(),
});

export const conferenceStatusEventSchema = z.union([conferenceRoomEventSchema, conferenceLegEventSchema]);
export type ConferenceStatusEvent = z.infer<typeof conferenceStatusEventSchema>;
export type ConferenceRoomEvent = z.infer<typeof conferenceRoomEventSchema>;
export type ConferenceLegEvent = z.infer<typeof conferenceLegEventSchema>;

export const conferenceDigitsEventSchema = z.strictObject({
  ConferenceName: conferenceNameSchema,
  conference_name: conferenceNameSchema,
  CallId: z.string().min(1),
  call_id: z.string().min(1),
  clientRequestId: z.string().optional(),
  Digits: z.string().regex(/^[0-9*#]*$/),
  digits: z.string().regex(/^[0-9*#]*$/),
  StatusCallbackEvent: z.literal("DigitsCollected"),
  event: z.literal("digits"),
  EventId: z.string().min(1),
  Timestamp: timestampSchema,
});
export type ConferenceDigitsEvent = z.infer<typeof conferenceDigitsEventSchema>;

/** POST /v1/conferences/{name}/commands */
export const conferenceCommandRequestSchema = z.strictObject({
  command: z.enum(["mute", "unmute", "kick"]),
  participant: z.string().min(1),
});
export type ConferenceCommandRequest = z.infer<typeof conferenceCommandRequestSchema>;

export const conferenceCommandResponseSchema = z.object({
  conference: z.string(),
  command: z.enum(["mute", "unmute", "kick"]),
  participant: z.string(),
  status: z.literal("ok"),
});

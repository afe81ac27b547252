import { z } from "zod";
import { fieldError } from "@/lib/shared/error-keys";
import { normalisePhone } from "@/lib/shared/phone";

// Input schemas shared by forms (client-side feedback) and the server (the authority).

export const participantRoles = ["host", "participant", "listener"] as const;
export type ParticipantRole = (typeof participantRoles)[number];

export const meetingLanguages = ["en", "sw"] as const;
export type MeetingLanguage = (typeof meetingLanguages)[number];

export const recurrences = ["none", "weekly"] as const;

export const MAX_CAPACITY = 200;
export const MAX_BULK_LINES = 500;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const phoneSchema = z.string().transform((value, ctx) => {
  const result = normalisePhone(value);
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: fieldError(result.error.key), params: result.error.params });
    return z.NEVER;
  }
  return result.e164;
});

// JSON bodies are taken as typed: a number must be a JSON number and a flag a JSON boolean; nothing
// is coerced (`{"capacity": [2]}` or `"capacity": "10"` is a 422, not 2 or 10). Text from a form
// post or a query string is another matter: meetingFormSchema, derived from the same rules below,
// reads a number field's text as a number first. Never use the form schema on JSON.

const startsAtMessage = fieldError("startsAtInvalid");
const durationRule = z
  .number({ error: fieldError("durationNumber") })
  .int(fieldError("durationWhole"))
  .min(5, fieldError("durationMin"))
  .max(24 * 60, fieldError("durationMax"));
const capacityRule = z
  .number({ error: fieldError("capacityNumber") })
  .int(fieldError("capacityWhole"))
  .min(2, fieldError("capacityMin"))
  .max(MAX_CAPACITY, fieldError("capacityMax"));

const reminderMinutesRule = z
  .number({ error: fieldError("reminderNumber") })
  .int(fieldError("reminderWhole"))
  .min(1, fieldError("reminderMin"))
  .max(24 * 60, fieldError("reminderMax"));

export const meetingInputSchema = z.object({
  title: z.string().trim().min(1, fieldError("titleRequired")).max(120, fieldError("titleTooLong")),
  agenda: z.string().trim().max(4000, fieldError("agendaTooLong")).default(""),
  // An ISO 8601 time with its offset (what Date#toISOString sends), or a Date from server code.
  // Not `new Date(anything)`: coercing `true`, `0` or "1" would silently mean some other year.
  startsAt: z
    .union([z.iso.datetime({ offset: true }), z.date()], { error: startsAtMessage })
    .transform((v) => (v instanceof Date ? v : new Date(v)))
    .pipe(z.date({ error: startsAtMessage })),
  timeZone: z
    .string()
    .default("Africa/Nairobi")
    .refine(isTimeZone, { message: fieldError("timeZoneInvalid") }),
  durationMinutes: durationRule,
  recurrence: z.enum(recurrences).default("none"),
  waitForHost: z.boolean().default(true),
  endOnHostExit: z.boolean().default(true),
  beep: z.boolean().default(true),
  capacity: capacityRule,
  record: z.boolean().default(false),
  /** Flash to join: an invitee who calls the dial-in number of the live meeting is rejected unanswered and called back. */
  callMeBack: z.boolean().default(false),
  /** A dial-out first hears "press 1 to join"; voicemail and people who decline never reach the room. */
  confirmAnswer: z.boolean().default(true),
  /** A dial-out the network drops during the meeting is called back automatically. */
  redialOnDrop: z.boolean().default(true),
  /** At the scheduled start Mkutano dials everyone not already in (each occurrence of a series). */
  callAtStart: z.boolean().default(false),
  /** Reminder calls before the start: the default for people who have not chosen. */
  remindByCall: z.boolean().default(false),
  /** How many minutes before the start the reminder calls go out. */
  reminderMinutes: reminderMinutesRule.default(10),
  language: z.enum(meetingLanguages).default("en"),
});

/** A form field's text as a number when it is one ("12", " 30 "); anything else is left for the rule to refuse. */
export function numberFromText<T extends z.ZodType>(rule: T) {
  return z.preprocess((v) => (typeof v === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v), rule);
}

/** The same meeting rules for a form post, whose fields are all text. */
export const meetingFormSchema = meetingInputSchema.extend({
  durationMinutes: numberFromText(durationRule),
  capacity: numberFromText(capacityRule),
  reminderMinutes: numberFromText(reminderMinutesRule).default(10),
});
export type MeetingInput = z.infer<typeof meetingInputSchema>;
export type MeetingInputRaw = z.input<typeof meetingInputSchema>;

export const participantInputSchema = z.object({
  name: z.string().trim().min(1, fieldError("personNameRequired")).max(80, fieldError("personNameTooLong")),
  phone: phoneSchema,
  role: z.enum(participantRoles).default("participant"),
});
export type ParticipantInput = z.infer<typeof participantInputSchema>;

export const participantRoleInputSchema = z.object({ role: z.enum(participantRoles) });

export const bulkInputSchema = z.object({
  text: z.string().max(100_000, fieldError("pasteTooLong")),
});

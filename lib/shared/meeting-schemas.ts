import { z } from "zod";
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
    ctx.addIssue({ code: "custom", message: result.error });
    return z.NEVER;
  }
  return result.e164;
});

export const meetingInputSchema = z.object({
  title: z.string().trim().min(1, "Give the meeting a title.").max(120, "Keep the title under 120 characters."),
  agenda: z.string().trim().max(4000, "Keep the agenda under 4000 characters.").default(""),
  // Only a date or a date string: coercing `true` or `0` would silently mean 1970.
  startsAt: z
    .union([z.string(), z.date()], { error: "Pick a valid start date and time." })
    .pipe(z.coerce.date({ error: "Pick a valid start date and time." })),
  timeZone: z
    .string()
    .default("Africa/Nairobi")
    .refine(isTimeZone, { message: "Pick a valid time zone." }),
  durationMinutes: z.coerce
    .number({ error: "Duration must be a number of minutes." })
    .int("Duration must be whole minutes.")
    .min(5, "A meeting lasts at least 5 minutes.")
    .max(24 * 60, "A meeting lasts at most 24 hours."),
  recurrence: z.enum(recurrences).default("none"),
  waitForHost: z.boolean().default(true),
  endOnHostExit: z.boolean().default(true),
  beep: z.boolean().default(true),
  capacity: z.coerce
    .number({ error: "Capacity must be a number." })
    .int("Capacity must be a whole number.")
    .min(2, "Capacity must be at least 2.")
    .max(MAX_CAPACITY, `Capacity can be at most ${MAX_CAPACITY}.`),
  record: z.boolean().default(false),
  /** Flash to join: an invitee who calls the dial-in number of the live meeting is rejected unanswered and called back. */
  callMeBack: z.boolean().default(false),
  /** A dial-out first hears "press 1 to join"; voicemail and people who decline never reach the room. */
  confirmAnswer: z.boolean().default(true),
  /** A dial-out the network drops during the meeting is called back automatically. */
  redialOnDrop: z.boolean().default(true),
  language: z.enum(meetingLanguages).default("en"),
});
export type MeetingInput = z.infer<typeof meetingInputSchema>;
export type MeetingInputRaw = z.input<typeof meetingInputSchema>;

export const participantInputSchema = z.object({
  name: z.string().trim().min(1, "Enter the person's name.").max(80, "Keep names under 80 characters."),
  phone: phoneSchema,
  role: z.enum(participantRoles).default("participant"),
});
export type ParticipantInput = z.infer<typeof participantInputSchema>;

export const bulkInputSchema = z.object({
  text: z.string().max(100_000, "That paste is too long; add at most 500 lines at a time."),
});

import { z } from "zod";
import { fieldError } from "@/lib/shared/error-keys";
import { participantInputSchema, phoneSchema } from "@/lib/shared/meeting-schemas";
import { moderationModes } from "@/lib/shared/phone-keys";

// The app's JSON API, the parts the meeting forms in meeting-schemas.ts do not already cover: the
// input of the smaller actions and the result of each action. Route handlers parse inputs with
// these schemas and domain functions are typed with their results, so the typed client
// (lib/hooks/api-client.ts) and the server share one definition; a field renamed on one side is a
// compile error on the other. Results are not parsed again in the browser (the client-graph test
// keeps zod out of the meeting page's bundle): the client imports these as types only.

export const MAX_BUDGET_MINOR = 10_000_000; // KES 100,000

export const budgetInputSchema = z.object({
  // null removes the cap.
  budgetMinor: z
    .number({ error: fieldError("budgetNumber") })
    .int(fieldError("budgetWhole"))
    .min(1, fieldError("budgetMin"))
    .max(MAX_BUDGET_MINOR, fieldError("budgetMax"))
    .nullable(),
});
export type BudgetInput = z.input<typeof budgetInputSchema>;

export const retentionInputSchema = z.object({
  // null keeps recordings forever; otherwise between a day and ten years.
  retentionDays: z
    .number()
    .int(fieldError("retentionWhole"))
    .min(1, fieldError("retentionMin"))
    .max(3650, fieldError("retentionMax"))
    .nullable(),
});
export type RetentionInput = z.input<typeof retentionInputSchema>;

export const lockInputSchema = z.object({ locked: z.boolean({ error: fieldError("lockedBoolean") }) });

// Who may talk in the live room (ADR 0020).
export const moderationInputSchema = z.object({
  mode: z.enum(moderationModes, { error: fieldError("modeInvalid") }),
});
export type ModerationInput = z.infer<typeof moderationInputSchema>;
export const moderationResultSchema = moderationInputSchema;
export type ModerationResult = z.infer<typeof moderationResultSchema>;

// let-speak / lower-hand: the raised-hand queue (ADR 0020).
export const legCommands = ["mute", "unmute", "kick", "let-speak", "lower-hand"] as const;
export const legCommandSchema = z.enum(legCommands, {
  error: fieldError("commandUnknown"),
});
export type LegCommand = z.infer<typeof legCommandSchema>;

// A dial-in guest is named by one of their calls (legId): the roster may show their number masked
// (ADR 0022), so the browser cannot send it back. `phone` still works for callers who know it.
export const saveGuestInputSchema = participantInputSchema
  .omit({ phone: true })
  .extend({ legId: z.string().uuid(fieldError("callIdInvalid")).optional(), phone: phoneSchema.optional() })
  .refine((v) => v.legId || v.phone, { message: fieldError("guestWhich"), path: ["legId"] });
export type SaveGuestInput = z.input<typeof saveGuestInputSchema>;

// Results.

// The role is the stored column (a string in the database), one of participantRoles. phoneE164 is
// masked ("+254 7•• ••• 678") for a viewer who may not see full numbers (ADR 0022).
const participantResultSchema = z.object({
  participant: z.object({ id: z.string(), name: z.string(), phoneE164: z.string(), role: z.string() }),
});
export const addParticipantResultSchema = participantResultSchema;
export type AddParticipantResult = z.infer<typeof addParticipantResultSchema>;
export const saveGuestResultSchema = participantResultSchema;
export type SaveGuestResult = z.infer<typeof saveGuestResultSchema>;

export const bulkAddResultSchema = z.object({
  added: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), text: z.string(), message: z.string() })),
});
export type BulkAddResult = z.infer<typeof bulkAddResultSchema>;

/** Call everyone: how many dials were queued; heldBack when Sautikit is unreachable and they wait. */
export const callEveryoneResultSchema = z.object({ queued: z.number().int(), heldBack: z.boolean() });
export type CallEveryoneResult = z.infer<typeof callEveryoneResultSchema>;

export const dialResultSchema = z.object({
  legId: z.string(),
  status: z.enum(["placed", "already", "skipped", "failed", "queued"]),
  heldBack: z.boolean().optional(),
});
export type DialResult = z.infer<typeof dialResultSchema>;

export const listenOnlyResultSchema = z.union([
  z.object({ redialled: z.literal(false) }),
  dialResultSchema.extend({ redialled: z.literal(true) }),
]);
export type ListenOnlyResult = z.infer<typeof listenOnlyResultSchema>;

/** A mute/unmute/kick went out as a conference command, or as a hang-up of the call. */
export const legCommandResultSchema = z.object({ via: z.enum(["command", "hangup"]) });
export type LegCommandResult = z.infer<typeof legCommandResultSchema>;

export const lockResultSchema = lockInputSchema;
export type LockResult = z.infer<typeof lockResultSchema>;

export const endMeetingResultSchema = z.object({ hungUp: z.number().int(), failed: z.number().int() });
export type EndMeetingResult = z.infer<typeof endMeetingResultSchema>;

export const budgetResultSchema = z.object({ budgetMinor: z.number().int().nullable() });
export type BudgetResult = z.infer<typeof budgetResultSchema>;

export const retentionResultSchema = z.object({ retentionDays: z.number().int().nullable() });
export type RetentionResult = z.infer<typeof retentionResultSchema>;

/** false: this Sautikit cannot delete recordings, so the recording is only hidden in the app. */
export const deleteRecordingResultSchema = z.object({ deletedAtSautikit: z.boolean() });
export type DeleteRecordingResult = z.infer<typeof deleteRecordingResultSchema>;

import { z } from "zod";
import { CONFERENCE_NAME_MAX_LENGTH, MAX_VOICE_ACTIONS } from "./constants";
import { e164Schema, httpUrlSchema } from "./common";

// Voice actions (camelCase JSON). Canonical and strict: unknown fields and unknown verbs are errors,
// which is how the emulator fails a leg with `invalid_voice_response`.

const seconds = z.number().int().min(0).max(3600);
const loop = z.number().int().min(0).max(100);

export const sayVerbSchema = z.strictObject({
  text: z.string().min(1).max(4000),
  voice: z.string().max(40).optional(),
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "must be a BCP-47 tag such as en-KE")
    .optional(),
  loop: loop.optional(),
});
export const playVerbSchema = z.strictObject({ url: httpUrlSchema, loop: loop.optional() });

export const nestedActionSchema = z.union([
  z.strictObject({ say: sayVerbSchema }),
  z.strictObject({ play: playVerbSchema }),
]);

const keypadKey = z.string().regex(/^[0-9*#]?$/, "must be one keypad key or empty");

export const getDigitsVerbSchema = z.strictObject({
  timeout: seconds.optional(),
  numDigits: z.number().int().min(0).max(64).optional(),
  finishOnKey: keypadKey.optional(),
  nested: z.array(nestedActionSchema).max(MAX_VOICE_ACTIONS).optional(),
});

export const dialVerbSchema = z
  .strictObject({
    number: e164Schema.optional(),
    numbers: z.array(e164Schema).min(1).max(10).optional(),
    sip: z
      .string()
      .regex(/^sips?:.+@.+/, "must be a SIP URI")
      .optional(),
    callerId: e164Schema.optional(),
    timeout: seconds.optional(),
    record: z.enum(["record-from-answer", "record-from-ringing"]).optional(),
  })
  .superRefine((v, ctx) => {
    const targets = [v.number, v.numbers, v.sip].filter((t) => t !== undefined).length;
    if (targets !== 1)
      ctx.addIssue({ code: "custom", path: [], message: "dial needs exactly one of number, numbers or sip" });
  });

export const conferenceStatusEventNames = ["start", "end", "join", "leave", "mute", "unmute"] as const;
export type ConferenceStatusEventName = (typeof conferenceStatusEventNames)[number];

export const conferenceNameSchema = z
  .string()
  .min(1)
  .max(CONFERENCE_NAME_MAX_LENGTH)
  .regex(/^[A-Za-z0-9._-]+$/, "use letters, digits, dot, underscore and dash only");

export const conferenceVerbSchema = z.strictObject({
  name: conferenceNameSchema,
  flags: z.string().max(200).optional(),
  maxParticipants: z.number().int().min(0).max(1000).optional(),
  record: z.boolean().optional(),
  beep: z.boolean().optional(),
  muted: z.boolean().optional(),
  startOnEnter: z.boolean().optional(),
  endOnExit: z.boolean().optional(),
  waitUrl: httpUrlSchema.optional(),
  statusEventsCallbackUrl: httpUrlSchema.optional(),
  statusEvents: z
    .string()
    .refine(
      (s) =>
        s
          .split(/\s+/)
          .filter(Boolean)
          .every((e) => (conferenceStatusEventNames as readonly string[]).includes(e)),
      "must be a space-separated subset of: start end join leave mute unmute",
    )
    .optional(),
  collectDigits: z.boolean().optional(),
  finishOnKey: keypadKey.optional(),
  numDigits: z.number().int().min(0).max(64).optional(),
  digitsCallbackUrl: httpUrlSchema.optional(),
});

export const recordVerbSchema = z.strictObject({
  action: httpUrlSchema.optional(),
  method: z.enum(["GET", "POST"]).optional(),
  timeout: seconds.optional(),
  maxLength: z.number().int().min(1).max(14_400).optional(),
  finishOnKey: keypadKey.optional(),
  transcribe: z.boolean().optional(),
  transcribeCallback: httpUrlSchema.optional(),
  playBeep: z.boolean().optional(),
});
export const redirectVerbSchema = z.strictObject({ url: httpUrlSchema, method: z.enum(["GET", "POST"]).optional() });
export const rejectVerbSchema = z.strictObject({ reason: z.enum(["rejected", "busy"]).optional() });
export const hangupVerbSchema = z.strictObject({});

export const verbSchemas = {
  say: sayVerbSchema,
  play: playVerbSchema,
  getDigits: getDigitsVerbSchema,
  dial: dialVerbSchema,
  conference: conferenceVerbSchema,
  record: recordVerbSchema,
  redirect: redirectVerbSchema,
  reject: rejectVerbSchema,
  hangup: hangupVerbSchema,
} as const;
export type VerbName = keyof typeof verbSchemas;

export const voiceActionSchema = z.union([
  z.strictObject({ say: sayVerbSchema }),
  z.strictObject({ play: playVerbSchema }),
  z.strictObject({ getDigits: getDigitsVerbSchema }),
  z.strictObject({ dial: dialVerbSchema }),
  z.strictObject({ conference: conferenceVerbSchema }),
  z.strictObject({ record: recordVerbSchema }),
  z.strictObject({ redirect: redirectVerbSchema }),
  z.strictObject({ reject: rejectVerbSchema }),
  z.strictObject({ hangup: hangupVerbSchema }),
]);
export type VoiceAction = z.infer<typeof voiceActionSchema>;
export type SayVerb = z.infer<typeof sayVerbSchema>;
export type PlayVerb = z.infer<typeof playVerbSchema>;
export type GetDigitsVerb = z.infer<typeof getDigitsVerbSchema>;
export type DialVerb = z.infer<typeof dialVerbSchema>;
export type ConferenceVerb = z.infer<typeof conferenceVerbSchema>;
export type RecordVerb = z.infer<typeof recordVerbSchema>;
export type NestedAction = z.infer<typeof nestedActionSchema>;

export const voiceResponseSchema = z.strictObject({
  actions: z.array(voiceActionSchema).max(MAX_VOICE_ACTIONS),
});
export type VoiceResponse = z.infer<typeof voiceResponseSchema>;

export type VoiceResponseCheck = { ok: true; actions: VoiceAction[] } | { ok: false; error: string };

/**
 * Checks a reply document with a message naming the first offending action, which a plain union
 * error cannot do. Used by the emulator to fail a leg, and by the app before it answers.
 */
export function checkVoiceResponse(doc: unknown): VoiceResponseCheck {
  if (typeof doc !== "object" || doc === null || Array.isArray(doc))
    return { ok: false, error: "reply must be a JSON object" };
  const keys = Object.keys(doc);
  if (keys.length !== 1 || keys[0] !== "actions")
    return { ok: false, error: 'reply must have exactly one field, "actions"' };
  const actions = (doc as { actions: unknown }).actions;
  if (!Array.isArray(actions)) return { ok: false, error: "actions must be an array" };
  if (actions.length > MAX_VOICE_ACTIONS)
    return { ok: false, error: `at most ${MAX_VOICE_ACTIONS} actions are allowed (got ${actions.length})` };
  // Each action is parsed once, by its own verb's schema. Together with the shape checks here that
  // is everything voiceResponseSchema's union checks, so the document is not parsed a second time
  // as a whole (the union tries each verb in turn: on the join callback's path that doubled zod).
  const checked: VoiceAction[] = [];
  for (const [i, action] of actions.entries()) {
    if (typeof action !== "object" || action === null || Array.isArray(action))
      return { ok: false, error: `actions[${i}] must be an object` };
    const verbs = Object.keys(action);
    if (verbs.length !== 1)
      return { ok: false, error: `actions[${i}] must hold exactly one verb (got ${verbs.length})` };
    const verb = verbs[0]!;
    if (!Object.hasOwn(verbSchemas, verb)) return { ok: false, error: `actions[${i}]: unsupported verb "${verb}"` };
    if (verb === "getDigits") {
      const nested = (action as { getDigits?: { nested?: unknown } }).getDigits?.nested;
      if (Array.isArray(nested)) {
        for (const [j, n] of nested.entries()) {
          const k = n && typeof n === "object" ? Object.keys(n) : [];
          if (k.length !== 1 || (k[0] !== "say" && k[0] !== "play"))
            return { ok: false, error: `actions[${i}].getDigits.nested[${j}]: only say or play may be nested` };
        }
      }
    }
    const parsed = verbSchemas[verb as VerbName].safeParse((action as Record<string, unknown>)[verb]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length ? `.${issue.path.join(".")}` : "";
      return { ok: false, error: `actions[${i}].${verb}${where}: ${issue.message}` };
    }
    checked.push({ [verb]: parsed.data } as VoiceAction);
  }
  return { ok: true, actions: checked };
}

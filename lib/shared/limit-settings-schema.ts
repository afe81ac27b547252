import { z } from "zod";
import { GRACE_RANGE, MAX_MEETING_RANGE } from "@/lib/shared/meeting-limits";

// The workspace's time-limit settings (ADR 0021), shared by the settings form and the server.

const graceRule = z
  .number({ error: "Grace must be a number of minutes." })
  .int("Grace must be whole minutes.")
  .min(GRACE_RANGE.min, "Grace cannot be negative.")
  .max(GRACE_RANGE.max, `Grace can be at most ${GRACE_RANGE.max} minutes.`);
const maxRule = z
  .number({ error: "The maximum must be a number of minutes." })
  .int("The maximum must be whole minutes.")
  .min(MAX_MEETING_RANGE.min, `The maximum is at least ${MAX_MEETING_RANGE.min} minutes.`)
  .max(MAX_MEETING_RANGE.max, "The maximum is at most 24 hours.");

/** The workspace's time-limit settings as JSON (numbers are numbers; nothing is coerced). */
export const limitSettingsSchema = z.strictObject({ stopGraceMinutes: graceRule, maxMeetingMinutes: maxRule });

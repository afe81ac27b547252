import { z } from "zod";
import { fieldError } from "@/lib/shared/error-keys";
import { GRACE_RANGE, MAX_MEETING_RANGE } from "@/lib/shared/meeting-limits";

// The workspace's time-limit settings (ADR 0021), shared by the settings form and the server.

const graceRule = z
  .number({ error: fieldError("graceNumber") })
  .int(fieldError("graceWhole"))
  .min(GRACE_RANGE.min, fieldError("graceNegative"))
  .max(GRACE_RANGE.max, fieldError("graceMax"));
const maxRule = z
  .number({ error: fieldError("maxLengthNumber") })
  .int(fieldError("maxLengthWhole"))
  .min(MAX_MEETING_RANGE.min, fieldError("maxLengthMin"))
  .max(MAX_MEETING_RANGE.max, fieldError("maxLengthMax"));

/** The workspace's time-limit settings as JSON (numbers are numbers; nothing is coerced). */
export const limitSettingsSchema = z.strictObject({ stopGraceMinutes: graceRule, maxMeetingMinutes: maxRule });

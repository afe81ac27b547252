import { issueMessage } from "@/lib/i18n/error-text";
import { describe, expect, it } from "vitest";
import { meetingFormSchema, meetingInputSchema } from "@/lib/shared/meeting-schemas";

// One set of meeting rules, two readers: JSON is taken as typed, form text is read as numbers.
const base = { title: "Board", startsAt: "2030-01-01T09:00:00.000Z", durationMinutes: 30, capacity: 10 };

describe("meeting schemas", () => {
  it("JSON: numbers must be JSON numbers", () => {
    for (const capacity of ["10", [10], true, " 10 "])
      expect(meetingInputSchema.safeParse({ ...base, capacity }).success, JSON.stringify(capacity)).toBe(false);
    expect(meetingInputSchema.parse(base).capacity).toBe(10);
  });

  it("forms: a number field's text is read as a number, with the same rules", () => {
    expect(meetingFormSchema.parse({ ...base, capacity: " 12 ", durationMinutes: "45" })).toMatchObject({
      capacity: 12,
      durationMinutes: 45,
    });
    const tooFew = meetingFormSchema.safeParse({ ...base, capacity: "1" }).error!.issues[0]!;
    expect(issueMessage(tooFew, "en")).toBe("Capacity must be at least 2.");
    expect(issueMessage(tooFew, "sw")).toBe("Idadi ya nafasi lazima iwe angalau 2.");
    for (const capacity of ["", "ten", "0x10", "1e2", [10]])
      expect(meetingFormSchema.safeParse({ ...base, capacity }).success, JSON.stringify(capacity)).toBe(false);
  });

  it("start times are ISO 8601 with an offset, never guessed from loose text", () => {
    expect(meetingInputSchema.parse({ ...base, startsAt: "2030-01-01T12:00:00+03:00" }).startsAt.toISOString()).toBe(
      "2030-01-01T09:00:00.000Z",
    );
    for (const startsAt of ["1", "2030", "2030-01-01", "tomorrow", 1893488400000])
      expect(meetingInputSchema.safeParse({ ...base, startsAt }).success, String(startsAt)).toBe(false);
  });
});

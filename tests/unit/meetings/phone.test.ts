import { describe, expect, it } from "vitest";
import { formatPhone, normalisePhone } from "@/lib/shared/phone";
import { phoneSyntaxError } from "@/lib/shared/phone-syntax";
import { meetingInputSchema, participantInputSchema } from "@/lib/shared/meeting-schemas";

describe("normalisePhone", () => {
  it.each([
    ["0712345678", "+254712345678"],
    ["0712 345 678", "+254712345678"],
    ["0712-345-678", "+254712345678"],
    ["(0712) 345678", "+254712345678"],
    ["0110 123 456", "+254110123456"],
    ["0110-123-456", "+254110123456"],
    ["254712345678", "+254712345678"],
    ["+254712345678", "+254712345678"],
    ["+254 700 000 100", "+254700000100"],
    ["00254 712 345 678", "+254712345678"],
    ["020 123 4567", "+254201234567"],
    ["+44 20 7946 0958", "+442079460958"],
    ["+1 (415) 555-2671", "+14155552671"],
    ["  +256 772 123456 ", "+256772123456"],
  ])("%s → %s", (input, e164) => {
    expect(normalisePhone(input)).toEqual({ ok: true, e164 });
  });

  it.each([
    ["", /Enter a phone number/],
    ["   ", /Enter a phone number/],
    ["0712", /not a valid phone number/],
    ["12345", /not a valid phone number/],
    ["+2547123456789", /not a valid phone number/],
    ["0712abc678", /not a phone number/],
    ["call me", /not a phone number/],
    ["+999 123 456 789", /not a valid phone number/],
  ])("rejects %j with a clear message", (input, message) => {
    const r = normalisePhone(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it("formats E.164 for display", () => {
    expect(formatPhone("+254712345678")).toBe("+254 712 345678");
    expect(formatPhone("garbage")).toBe("garbage");
    // Served from the memo the second time: same answer.
    expect(formatPhone("+254712345678")).toBe("+254 712 345678");
    expect(formatPhone("+442079460958")).toBe("+44 20 7946 0958");
  });
});

describe("phoneSyntaxError (the browser's metadata-free check)", () => {
  it.each(["0712 345 678", "+254 (712) 345-678", "00254712345678", "0712"])(
    "lets %j through to the server",
    (input) => {
      expect(phoneSyntaxError(input)).toBeNull();
    },
  );
  it.each([
    ["", /Enter a phone number/],
    ["  ", /Enter a phone number/],
    ["0712abc678", /"0712abc678" is not a phone number/],
    ["x".repeat(60), /"x{40}…" is not a phone number/],
  ])("rejects %j with the same message as the server", (input, message) => {
    expect(phoneSyntaxError(input)).toMatch(message);
    const server = normalisePhone(input);
    expect(server.ok ? null : server.error).toBe(phoneSyntaxError(input));
  });
});

describe("participantInputSchema", () => {
  it("stores the phone as E.164 and defaults the role", () => {
    expect(participantInputSchema.parse({ name: " Amina ", phone: "0712 345 678" })).toEqual({
      name: "Amina",
      phone: "+254712345678",
      role: "participant",
    });
  });

  it("reports the phone error on the phone field", () => {
    const r = participantInputSchema.safeParse({ name: "Amina", phone: "0712", role: "listener" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["phone"]);
    expect(r.error?.issues[0]?.message).toMatch(/not a valid phone number/);
  });

  it("refuses unknown roles", () => {
    expect(participantInputSchema.safeParse({ name: "A", phone: "0712345678", role: "boss" }).success).toBe(false);
  });
});

describe("meetingInputSchema", () => {
  const base = { title: "Board", startsAt: "2026-12-01T06:30:00.000Z", durationMinutes: 60, capacity: 10 };
  it("applies defaults", () => {
    const m = meetingInputSchema.parse(base);
    expect(m).toMatchObject({
      timeZone: "Africa/Nairobi",
      language: "en",
      waitForHost: true,
      endOnHostExit: true,
      recurrence: "none",
    });
    expect(m.startsAt.toISOString()).toBe("2026-12-01T06:30:00.000Z");
  });
  it.each([
    [{ title: "" }, "title"],
    [{ timeZone: "Mars/Olympus" }, "timeZone"],
    [{ capacity: 1 }, "capacity"],
    [{ durationMinutes: 2 }, "durationMinutes"],
    [{ startsAt: "not a date" }, "startsAt"],
    [{ language: "fr" }, "language"],
  ])("rejects %j", (patch, field) => {
    const r = meetingInputSchema.safeParse({ ...base, ...patch });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path[0])).toContain(field);
  });
});

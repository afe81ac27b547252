import { errorText, issueMessage } from "@/lib/i18n/error-text";
import { describe, expect, it } from "vitest";
import { formatPhone, maskPhone, normalisePhone } from "@/lib/shared/phone";
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
    if (!r.ok) expect(errorText("en", r.error.key, r.error.params)).toMatch(message);
  });

  it("formats E.164 for display in the grouping people write (+254 712 345 678)", () => {
    expect(formatPhone("+254712345678")).toBe("+254 712 345 678");
    expect(formatPhone("garbage")).toBe("garbage");
    // Served from the memo the second time: same answer.
    expect(formatPhone("+254712345678")).toBe("+254 712 345 678");
    expect(formatPhone("+254110123456")).toBe("+254 110 123 456");
    expect(formatPhone("+256712345678")).toBe("+256 712 345 678");
    // Other groupings are libphonenumber's own.
    expect(formatPhone("+442079460958")).toBe("+44 20 7946 0958");
    expect(formatPhone("+254202123456")).toBe("+254 20 2123456");
    expect(formatPhone("+15551234567")).toBe("+1 555 123 4567");
  });
});

describe("maskPhone", () => {
  it.each([
    ["+254712345678", "+254 7•• ••• 678"],
    ["+254110123456", "+254 1•• ••• 456"],
    ["+442079460958", "+44 2• •••• •958"],
    ["+15551234567", "+1 5•• ••• •567"],
  ])("masks %s as %s", (e164, masked) => {
    expect(maskPhone(e164)).toBe(masked);
  });

  it("hides at least half of any number, even one it cannot parse", () => {
    for (const e164 of ["+254712345678", "+442079460958", "+15551234567", "+2547", "+999123", "+12345678"]) {
      const masked = maskPhone(e164);
      const hidden = [...masked].filter((c) => c === "•").length;
      expect(hidden, masked).toBeGreaterThanOrEqual(Math.ceil((e164.length - 1) / 2) - 1);
      expect(masked.replace(/[^\d•]/g, "")).toHaveLength(e164.length - 1);
    }
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
    const browser = phoneSyntaxError(input)!;
    expect(errorText("en", browser.key, "params" in browser ? browser.params : undefined)).toMatch(message);
    const server = normalisePhone(input);
    expect(server.ok ? null : server.error).toEqual(browser);
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
    expect(issueMessage(r.error!.issues[0]!, "en")).toMatch(/"0712" is not a valid phone number/);
    expect(issueMessage(r.error!.issues[0]!, "sw")).toMatch(/"0712" si nambari halali ya simu/);
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

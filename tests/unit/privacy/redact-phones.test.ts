// The one masking step (lib/privacy/redact-phones.ts): every phone number in every string of a
// payload, whatever the field, in every form the app writes one; the workspace's own numbers stay.
import { describe, expect, it } from "vitest";
import { audienceFromKey, audienceKey, FULL_NUMBERS, redactPhones, redactText } from "@/lib/privacy/redact-phones";
import { formatPhone } from "@/lib/shared/phone";

const masked = { full: false, keep: new Set(["+254709000100"]) };

describe("redactText", () => {
  it.each([
    ["+254712345678", "+254 7•• ••• 678"],
    ["+254 712 345 678", "+254 7•• ••• 678"],
    ["+254 712 345678", "+254 7•• ••• 678"],
    ["+254-712-345-678", "+254 7•• ••• 678"],
    ["+254 (712) 345 678", "+254 7•• ••• 678"],
    ["g:+254712345678", "g:+254 7•• ••• 678"],
    ["+254712345678 is already a participant.", "+254 7•• ••• 678 is already a participant."],
    ["call +254712345678 or +442079460958", "call +254 7•• ••• 678 or +44 2• •••• •958"],
  ])("masks %j", (text, expected) => {
    expect(redactText(text, masked.keep)).toBe(expected);
  });

  it("keeps the workspace's own numbers, in any form, and text without numbers", () => {
    expect(redactText("Call +254709000100", masked.keep)).toBe("Call +254709000100");
    expect(redactText(formatPhone("+254709000100"), masked.keep)).toBe("+254 709 000 100");
    for (const text of ["2026-12-03T10:00:00.000Z", "12:1733221351000:99", "Weekly sync", "+1", "+254 7"])
      expect(redactText(text, masked.keep)).toBe(text);
  });

  it("is idempotent: a masked number is not masked again", () => {
    const once = redactText("+254712345678", masked.keep);
    expect(redactText(once, masked.keep)).toBe(once);
  });
});

describe("redactPhones", () => {
  const payload = {
    people: [
      {
        key: "p:1",
        phoneE164: "+254712345678",
        phoneDisplay: "+254 712 345 678",
        legs: [{ fromE164: "+254709000100", toE164: "+254712345678", dialError: { message: "+254712345678 refused" } }],
      },
    ],
    byNumber: { "+254722000111": 3 },
    count: 254712345678,
    when: new Date(0),
    nothing: null,
  };

  it("masks every string and key of a nested payload for a masked audience", () => {
    const out = redactPhones(payload, masked);
    expect(JSON.stringify({ ...out, count: 0 })).not.toMatch(/712345678|712 345 678|722000111/);
    expect(out.people[0]!.phoneE164).toBe("+254 7•• ••• 678");
    expect(out.people[0]!.legs[0]!.fromE164).toBe("+254709000100");
    expect(out.people[0]!.legs[0]!.dialError.message).toBe("+254 7•• ••• 678 refused");
    expect(Object.keys(out.byNumber)).toEqual(["+254 7•• ••• 111"]);
    // Numbers, Dates and nulls pass as they are; the input is not changed.
    expect(out.count).toBe(254712345678);
    expect(out.when).toBeInstanceOf(Date);
    expect(out.nothing).toBeNull();
    expect(payload.people[0]!.phoneE164).toBe("+254712345678");
  });

  it("returns the payload itself for an audience that sees full numbers", () => {
    expect(redactPhones(payload, FULL_NUMBERS)).toBe(payload);
  });

  it("round-trips an audience through its stream key", () => {
    expect(audienceKey(FULL_NUMBERS)).toBe("");
    expect(audienceFromKey("")).toEqual(FULL_NUMBERS);
    const back = audienceFromKey(audienceKey(masked));
    expect(back.full).toBe(false);
    expect([...back.keep]).toEqual(["+254709000100"]);
  });
});

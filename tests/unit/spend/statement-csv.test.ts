// The statement CSV keeps phone numbers as text a spreadsheet shows exactly ("+254 712 345 678",
// no apostrophe in front), while free text that could run as a formula is still defused.
import { describe, expect, it } from "vitest";
import { phoneCell } from "@/lib/spend/statement-csv";

describe("phoneCell", () => {
  it("writes a number in display form as a quoted text formula", () => {
    expect(phoneCell("+254712345678")).toBe('"=""+254 712 345 678"""');
    expect(phoneCell("+254 712 345 678")).toBe('"=""+254 712 345 678"""');
    // A masked number too (a viewer who may not see it, ADR 0022).
    expect(phoneCell("+254 7•• ••• 678")).toBe('"=""+254 7•• ••• 678"""');
    expect(phoneCell(null)).toBe("");
    expect(phoneCell("")).toBe("");
  });

  it("falls back to the apostrophe for anything that is not a number in display form", () => {
    expect(phoneCell('+254"),HYPERLINK("http://x')).toBe(`"'+254""),HYPERLINK(""http://x"`);
    expect(phoneCell("=1+1")).toBe("'=1+1");
    expect(phoneCell("unknown")).toBe("unknown");
  });
});

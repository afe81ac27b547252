import { describe, expect, it } from "vitest";
import { monthStartNairobi } from "@/lib/spend/spend-summary";
import { parseKesToMinor } from "@/lib/shared/parse-kes";

describe("monthStartNairobi", () => {
  it("starts months at midnight East Africa Time (21:00 UTC the day before)", () => {
    expect(monthStartNairobi(new Date("2026-03-15T12:00:00Z"), 0).toISOString()).toBe("2026-02-28T21:00:00.000Z");
    expect(monthStartNairobi(new Date("2026-03-15T12:00:00Z"), 2).toISOString()).toBe("2025-12-31T21:00:00.000Z");
  });

  it("already counts 22:30 UTC on the last day as the next month in Nairobi", () => {
    expect(monthStartNairobi(new Date("2026-01-31T22:30:00Z"), 0).toISOString()).toBe("2026-01-31T21:00:00.000Z");
  });
});

describe("parseKesToMinor", () => {
  it("reads shillings with up to two decimals and refuses anything else", () => {
    expect(parseKesToMinor("150")).toBe(15_000);
    expect(parseKesToMinor(" 1,250.5 ")).toBe(125_050);
    expect(parseKesToMinor("0.01")).toBe(1);
    for (const bad of ["", "-5", "1.005", "abc", "1e3"]) expect(parseKesToMinor(bad)).toBeNull();
  });
});

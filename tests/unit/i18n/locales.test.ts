import { describe, expect, it } from "vitest";
import { intlLocale, isLocale, negotiateLocale } from "@/lib/i18n/locales";

describe("negotiateLocale (Accept-Language → en | sw)", () => {
  it.each([
    ["sw", "sw"],
    ["sw-KE,sw;q=0.9,en;q=0.8", "sw"],
    ["sw-TZ", "sw"],
    ["en-GB,en;q=0.9", "en"],
    ["fr-FR,fr;q=0.9,sw;q=0.5,en;q=0.4", "sw"],
    ["en;q=0.4, sw;q=0.8", "sw"],
    ["SW-ke", "sw"],
    ["de, *;q=0.1", null],
    ["sw;q=0, en", "en"],
    ["", null],
    [null, null],
  ])("%j → %j", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it("equal weights keep the header's order", () => {
    expect(negotiateLocale("en, sw")).toBe("en");
    expect(negotiateLocale("sw, en")).toBe("sw");
  });
});

describe("locale helpers", () => {
  it("accepts only the two languages", () => {
    expect(["en", "sw", "fr", "", undefined, "EN"].map(isLocale)).toEqual([true, true, false, false, false, false]);
  });

  it("formats with Kenyan conventions in both languages", () => {
    expect(intlLocale("en")).toBe("en-KE");
    expect(intlLocale("sw")).toBe("sw-KE");
    const kes = (l: "en" | "sw") =>
      new Intl.NumberFormat(intlLocale(l), { style: "currency", currency: "KES" }).format(1234.5);
    expect(kes("en")).toContain("1,234.50");
    expect(kes("sw")).toMatch(/Ksh|KES/);
  });
});

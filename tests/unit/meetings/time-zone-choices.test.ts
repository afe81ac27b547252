import { describe, expect, it } from "vitest";
import { COMMON_AFRICAN_ZONES, LEGACY_ZONE_NAMES, timeZoneChoices, zoneMatches } from "@/lib/shared/time-zone-choices";

// What Node's own ICU lists is what a browser lists too: CLDR names, old spellings included.
const available = Intl.supportedValuesOf("timeZone");

describe("timeZoneChoices", () => {
  it("puts the organiser's zone, then the common African ones, first", () => {
    const { first, rest } = timeZoneChoices(available, ["Europe/London"]);
    expect(first).toEqual(["Europe/London", ...COMMON_AFRICAN_ZONES]);
    expect(rest).not.toContain("Europe/London");
    expect(rest).not.toContain("Africa/Nairobi");
    expect([...rest].sort()).toEqual(rest);
    expect(rest).toContain("UTC");
  });

  it("lists no retired spelling, only the current names", () => {
    expect(available).toContain("Asia/Calcutta");
    const { first, rest } = timeZoneChoices(available, ["Asia/Calcutta"]);
    const shown = [...first, ...rest];
    for (const legacy of Object.keys(LEGACY_ZONE_NAMES)) expect(shown).not.toContain(legacy);
    expect(first[0]).toBe("Asia/Kolkata");
    expect(shown).toContain("Europe/Kyiv");
    expect(new Set(shown).size).toBe(shown.length);
    // Every name offered is one the runtime accepts.
    for (const z of shown) expect(() => new Intl.DateTimeFormat("en", { timeZone: z })).not.toThrow();
  });

  it("does not repeat the organiser's zone when it is a common one", () => {
    const { first } = timeZoneChoices(available, ["Africa/Nairobi", "Africa/Nairobi"]);
    expect(first).toEqual([...COMMON_AFRICAN_ZONES]);
  });
});

describe("zoneMatches", () => {
  it("finds zones by any part of the name, ignoring case and separators", () => {
    expect(zoneMatches("Africa/Dar_es_Salaam", "dar es")).toBe(true);
    expect(zoneMatches("America/New_York", "NEW YORK")).toBe(true);
    expect(zoneMatches("America/New_York", "york")).toBe(true);
    expect(zoneMatches("Africa/Nairobi", "lagos")).toBe(false);
  });
});

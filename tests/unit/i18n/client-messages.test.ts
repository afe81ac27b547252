import { describe, expect, it } from "vitest";
import format from "icu-minify/format";
import { compiledNamespace } from "@/lib/i18n/compile-messages";
import { intlLocale } from "@/lib/i18n/locales";

// What <ClientIntl> hands a client island: only the namespace asked for, as plain data React can
// serialise (no class instances or null-prototype objects), formatting to what the catalog says.

function plainData(value: unknown): boolean {
  if (value === null || typeof value !== "object") return true;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype) return false;
  return Object.values(value).every(plainData);
}

const formatters = {
  getDateTimeFormat: (...a: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...a),
  getNumberFormat: (...a: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...a),
  getPluralRules: (...a: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...a),
};

describe("compiled client messages", () => {
  it("are plain data, including plural and select messages", () => {
    for (const locale of ["en", "sw"] as const) {
      const messages = compiledNamespace(locale, "Roster");
      expect(plainData(messages)).toBe(true);
      expect(Object.keys(messages).every((k) => k.startsWith("Roster."))).toBe(true);
    }
  });

  it("format plurals and selects per language", () => {
    const en = compiledNamespace("en", "Roster");
    const sw = compiledNamespace("sw", "Roster");
    const f = (m: (typeof en)[string], locale: "en" | "sw", values: Record<string, string | number>) =>
      format(m, intlLocale(locale), values, { formatters });
    expect(f(en["Roster.callingCount"]!, "en", { count: 1 })).toBe("Calling 1 person");
    expect(f(en["Roster.callingCount"]!, "en", { count: 3 })).toBe("Calling 3 people");
    expect(f(sw["Roster.callingCount"]!, "sw", { count: 3 })).toBe("Tunawapigia watu 3");
    expect(f(sw["Roster.announceMuted"]!, "sw", { name: "Juma", muted: "true" })).toBe("Juma: amenyamazishwa");
  });

  it("a sub-namespace carries only its keys", () => {
    expect(Object.keys(compiledNamespace("sw", "Meetings.status")).sort()).toEqual([
      "Meetings.status.calling",
      "Meetings.status.cancelled",
      "Meetings.status.ended",
      "Meetings.status.live",
      "Meetings.status.scheduled",
    ]);
  });
});

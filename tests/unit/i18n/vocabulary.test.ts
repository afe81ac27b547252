import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import sw from "@/messages/sw.json";
import { callerNames } from "@/lib/shared/caller-names";
import { GLOBAL_ERROR_TEXT } from "@/lib/shared/global-error-text";

// One word for one thing, everywhere and in both languages: a caller not on the list is a "Guest
// caller" (never "Unknown caller"), and someone in the room before it starts is "Waiting for host"
// (never "On hold").

function values(tree: unknown, path = ""): [string, string][] {
  if (typeof tree === "string") return [[path, tree]];
  return Object.entries(tree as Record<string, unknown>).flatMap(([k, v]) => values(v, path ? `${path}.${k}` : k));
}

describe("one vocabulary", () => {
  it("English says Guest caller and Waiting for host, never the other names", () => {
    const all = values(en);
    expect(all.filter(([, v]) => /unknown caller|on hold/i.test(v))).toEqual([]);
    expect(en.SautikitStatus.guestCaller).toBe(callerNames.en.guest);
    expect(en.Roster.states.waiting).toBe("Waiting for host");
    expect(en.Roster.onHold).toContain("waiting for host");
  });

  it("Swahili uses one term for each as well", () => {
    const all = values(sw);
    expect(all.filter(([, v]) => /asiyejulikana|asiyejuliwa/i.test(v))).toEqual([]);
    expect(sw.SautikitStatus.guestCaller).toBe(callerNames.sw.guest);
    expect(sw.Roster.states.waiting).toBe("Anamsubiri mwenyeji");
    expect(sw.Roster.onHold).toContain("kumsubiri mwenyeji");
  });
});

describe("the page shown when the whole app failed", () => {
  it("says the ErrorPage words of both catalogs", () => {
    for (const [locale, catalog] of [
      ["en", en],
      ["sw", sw],
    ] as const) {
      const { title, body, reference, retry } = catalog.ErrorPage;
      expect(GLOBAL_ERROR_TEXT[locale]).toEqual({ title, body, reference, retry });
    }
  });
});

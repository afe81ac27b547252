import { describe, expect, it } from "vitest";
import { spokenKeyList } from "@/lib/meetings/prompts/key-list";
import { nextModerationMode, parsePhoneKeys, PHONE_KEYS } from "@/lib/shared/phone-keys";
import { askForPin, refuseUnidentified } from "@/lib/dial-in/pin-prompt";
import { en } from "@/lib/meetings/prompts/en";
import { sw } from "@/lib/meetings/prompts/sw";
import { checkVoiceResponse } from "@/lib/sautikit/contract/voice-actions";

describe("the phone key map", () => {
  it("gives everyone *6, *9, *# and *0, and the host the rest, with no key twice", () => {
    const everyone = PHONE_KEYS.filter((k) => !k.hostOnly).map((k) => [k.keys, k.action]);
    expect(everyone).toEqual([
      ["*6", "toggle-self-mute"],
      ["*9", "toggle-hand"],
      ["*#", "head-count"],
      ["*0", "key-list"],
    ]);
    const host = Object.fromEntries(PHONE_KEYS.filter((k) => k.hostOnly).map((k) => [k.keys, k.action]));
    expect(host).toEqual({
      "*5": "toggle-mute-all",
      "*8": "next-hand",
      "*2": "next-mode",
      "*7": "toggle-lock",
      "*4": "extend-meeting",
      "*3": "end-meeting",
    });
    expect(new Set(PHONE_KEYS.map((k) => k.keys)).size).toBe(PHONE_KEYS.length);
  });

  it("parses exactly the pairs in the map; anything else is unknown", () => {
    for (const k of PHONE_KEYS) expect(parsePhoneKeys(k.keys)).toBe(k);
    for (const d of ["", "6", "*", "*1", "**", "5*", "#", "#6", "3*", "*66"]) expect(parsePhoneKeys(d)).toBeNull();
  });

  it("cycles the modes Open → Presentation → Q&A → Open", () => {
    expect([nextModerationMode("open"), nextModerationMode("presentation"), nextModerationMode("qa")]).toEqual([
      "presentation",
      "qa",
      "open",
    ]);
  });

  it("reads the key list aloud in each language, host keys only for hosts", () => {
    expect(spokenKeyList(en, { everyone: true, host: false })).toEqual([
      "Phone keys: star 6 to mute or unmute yourself, star 9 to raise or lower your hand, star hash to hear how many people are here, star 0 to hear these keys.",
    ]);
    const swHost = spokenKeyList(sw, { everyone: true, host: true });
    expect(swHost).toHaveLength(2);
    expect(swHost[1]).toMatch(/^Vitufe vya mwenyeji: nyota 5 /);
    expect(swHost[1]).toContain("nyota 3 kumaliza mkutano");
  });
});

describe("PIN prompt", () => {
  it("asks in English then Swahili inside getDigits, finishing on #", () => {
    const doc = askForPin();
    expect(checkVoiceResponse(doc)).toMatchObject({ ok: true });
    const g = doc.actions[0]!;
    if (!("getDigits" in g)) throw new Error("expected getDigits");
    expect(g.getDigits).toMatchObject({ finishOnKey: "#", timeout: 10 });
    expect(g.getDigits.nested).toEqual([
      { say: { text: en.enterPin, language: "en-KE" } },
      { say: { text: sw.enterPin, language: "sw-KE" } },
    ]);
  });

  it("says why it asks again, and says goodbye with a hangup", () => {
    const texts = (lead: "wrong" | "none") => {
      const g = askForPin(lead).actions[0]!;
      return "getDigits" in g ? g.getDigits.nested?.map((n) => ("say" in n ? n.say.text : "")) : [];
    };
    expect(texts("wrong")).toEqual([en.wrongPin, sw.wrongPin]);
    expect(texts("none")).toEqual([en.noPinEntered, sw.noPinEntered]);
    const bye = refuseUnidentified((p) => p.tooManyAttempts);
    expect(checkVoiceResponse(bye)).toMatchObject({ ok: true });
    expect(bye.actions.at(-1)).toEqual({ hangup: {} });
  });
});

describe("prompt catalogues", () => {
  it("have every prompt in both languages, none empty", () => {
    expect(Object.keys(sw).sort()).toEqual(Object.keys(en).sort());
    for (const cat of [en, sw]) {
      for (const [key, value] of Object.entries(cat)) {
        // Sample arguments for the prompts that are functions (the rest take names and titles).
        const samples: Record<string, unknown[][]> = {
          headCount: [[1], [7]],
          reminder: [["X", 5, { kind: "none" }]],
        };
        const texts =
          typeof value === "function"
            ? (samples[key] ?? [["X", "Y"]]).map((args) => (value as (...a: unknown[]) => string)(...args))
            : typeof value === "string"
              ? [value]
              : Object.values(value as Record<string, string>);
        for (const text of texts) expect(text.trim().length, key).toBeGreaterThan(0);
      }
    }
    expect(en.enterPin).not.toBe(sw.enterPin);
  });
});

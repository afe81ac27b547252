import { describe, expect, it } from "vitest";
import { parseKeypadCommand } from "@/lib/dial-in/keypad";
import { askForPin, refuseUnidentified } from "@/lib/dial-in/pin-prompt";
import { en } from "@/lib/meetings/prompts/en";
import { sw } from "@/lib/meetings/prompts/sw";
import { roomActions } from "@/lib/meetings/room-actions";
import { checkVoiceResponse } from "@/lib/sautikit/contract/voice-actions";

describe("host keypad commands", () => {
  it("maps *5, *6 and *9, with or without the hash key", () => {
    expect(parseKeypadCommand("*5")).toBe("toggle-lock");
    expect(parseKeypadCommand("*6#")).toBe("toggle-mute-all");
    expect(parseKeypadCommand("*9")).toBe("end-meeting");
  });

  it("tolerates a stray key before the star, and ignores anything else", () => {
    expect(parseKeypadCommand("3*6")).toBe("toggle-mute-all");
    for (const d of ["", "6", "*", "*1", "**", "5*", "#", "*6*"]) expect(parseKeypadCommand(d)).toBeNull();
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
        const text = typeof value === "function" ? (value as (...a: string[]) => string)("X", "Y") : value;
        expect(text.trim().length, key).toBeGreaterThan(0);
      }
    }
    expect(en.enterPin).not.toBe(sw.enterPin);
  });
});

describe("the host's room action", () => {
  const meeting = {
    id: "m1",
    workspaceId: "w1",
    title: "Bajeti",
    roomName: "mk-20261201-abcdefghijkmnpqr",
    language: "sw",
    waitForHost: true,
    endOnHostExit: true,
    beep: true,
    record: false,
    capacity: 10,
    status: "scheduled",
    startedAt: null,
  };
  const conferenceOf = (doc: ReturnType<typeof roomActions>) => {
    const last = doc.actions.at(-1)!;
    if (!("conference" in last)) throw new Error("last action is not a conference");
    return last.conference;
  };

  it("collects the host's keys and announces them; other roles collect nothing", () => {
    const host = roomActions(meeting, { name: "Halima", role: "host" });
    expect(checkVoiceResponse(host)).toMatchObject({ ok: true });
    expect(conferenceOf(host)).toMatchObject({ collectDigits: true, numDigits: 2, finishOnKey: "#" });
    expect(conferenceOf(host).digitsCallbackUrl).toMatch(/\/api\/sautikit\/w1\/conference\/digits\?meetingId=m1$/);
    expect(host.actions).toContainEqual({ say: { text: sw.hostKeypadHelp, language: "sw-KE" } });
    for (const role of ["participant", "listener"] as const) {
      const doc = roomActions(meeting, { name: "Juma", role });
      expect(conferenceOf(doc).collectDigits).toBeUndefined();
      expect(conferenceOf(doc).digitsCallbackUrl).toBeUndefined();
      expect(doc.actions).not.toContainEqual({ say: { text: sw.hostKeypadHelp, language: "sw-KE" } });
    }
  });

  it("announces a participant's role only when asked (callers recognised by caller ID)", () => {
    const said = (opts?: { announceRole?: boolean }) =>
      roomActions(meeting, { name: "Juma", role: "participant" }, opts).actions;
    expect(said({ announceRole: true })).toContainEqual({ say: { text: sw.joiningAsParticipant, language: "sw-KE" } });
    expect(said()).not.toContainEqual({ say: { text: sw.joiningAsParticipant, language: "sw-KE" } });
  });
});

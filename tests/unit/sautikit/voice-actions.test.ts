import { describe, expect, it } from "vitest";
import { bilingualRefusal } from "@/lib/meetings/prompts/bilingual";
import type { VoiceAction } from "@/lib/sautikit/contract/voice-actions";
import {
  conference,
  dial,
  getDigits,
  hangup,
  InvalidVoiceResponseError,
  nestedPlay,
  nestedSay,
  play,
  reject,
  say,
  tryVoiceResponse,
  voiceResponse,
} from "@/lib/sautikit/voice-actions";

describe("voice-action builders", () => {
  it("build the wire JSON the SDK produces", () => {
    const doc = voiceResponse([
      say("Karibu", { language: "sw-KE" }),
      getDigits({ numDigits: 6, timeout: 8, finishOnKey: "#" }, [nestedSay("Enter your PIN")]),
      conference("mk-abc123", {
        startOnEnter: false,
        endOnExit: true,
        statusEvents: "start end join leave mute unmute",
      }),
      reject(),
      hangup(),
    ]);
    expect(doc).toEqual({
      actions: [
        { say: { text: "Karibu", language: "sw-KE" } },
        { getDigits: { numDigits: 6, timeout: 8, finishOnKey: "#", nested: [{ say: { text: "Enter your PIN" } }] } },
        {
          conference: {
            name: "mk-abc123",
            startOnEnter: false,
            endOnExit: true,
            statusEvents: "start end join leave mute unmute",
          },
        },
        { reject: {} },
        { hangup: {} },
      ],
    });
  });

  it("leave out an empty nested list", () => {
    expect(getDigits({ numDigits: 4 })).toEqual({ getDigits: { numDigits: 4 } });
  });

  it("accept exactly 50 actions and reject 51", () => {
    const fifty = Array.from({ length: 50 }, () => say("hi"));
    expect(voiceResponse(fifty).actions).toHaveLength(50);
    expect(() => voiceResponse([...fifty, hangup()])).toThrow(/at most 50 actions/);
  });

  it("reject nesting anything but say and play in getDigits", () => {
    const bad = { getDigits: { nested: [{ hangup: {} }] } } as unknown as VoiceAction;
    expect(() => voiceResponse([bad])).toThrow(InvalidVoiceResponseError);
    expect(() => voiceResponse([getDigits({}, [nestedPlay("https://cdn.example.com/a.wav")])])).not.toThrow();
  });

  it("reject a dial with no target or with two", () => {
    expect(() => voiceResponse([dial({})])).toThrow(/exactly one of number, numbers or sip/);
    expect(() => voiceResponse([dial({ number: "+254712345678", numbers: ["+254712345679"] })])).toThrow(
      InvalidVoiceResponseError,
    );
    expect(() => voiceResponse([dial({ number: "+254712345678" })])).not.toThrow();
  });

  it("reject invalid fields with a message naming the action", () => {
    expect(() => voiceResponse([say("ok"), say("")])).toThrow(/actions\[1\]\.say/);
    expect(() => voiceResponse([play("not a url")])).toThrow(/actions\[0\]\.play/);
    expect(() => voiceResponse([conference("has spaces in it")])).toThrow(/conference/);
    expect(() => voiceResponse([conference("room", { statusEvents: "start explode" })])).toThrow(/statusEvents/);
    expect(() => voiceResponse([say("hi", { language: "not a tag!" })])).toThrow(/language/);
  });

  it("reject two verbs in one action and unknown verbs", () => {
    const two = { say: { text: "a" }, hangup: {} } as unknown as VoiceAction;
    const unknown = { dance: {} } as unknown as VoiceAction;
    expect(() => voiceResponse([two])).toThrow(/exactly one verb/);
    expect(() => voiceResponse([unknown])).toThrow(/unsupported verb/);
  });

  it("tryVoiceResponse reports instead of throwing", () => {
    expect(tryVoiceResponse({ actions: [hangup()] })).toEqual({ ok: true, doc: { actions: [{ hangup: {} }] } });
    expect(tryVoiceResponse({ actions: "nope" })).toMatchObject({ ok: false });
    expect(tryVoiceResponse(null)).toMatchObject({ ok: false });
    expect(tryVoiceResponse({ actions: [], extra: 1 })).toMatchObject({ ok: false });
  });

  it("the fallback document is valid and ends the call", () => {
    const doc = bilingualRefusal((p) => p.technicalProblem);
    expect(doc.actions.at(-1)).toEqual({ hangup: {} });
    expect(tryVoiceResponse(doc).ok).toBe(true);
  });
});

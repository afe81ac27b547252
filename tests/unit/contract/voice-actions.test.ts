import { describe, expect, it } from "vitest";
import { checkVoiceResponse, voiceResponseSchema } from "@/lib/sautikit/contract/voice-actions";

// Reply validation as the emulator applies it (and the app should, before answering).

const ok = (doc: unknown) => checkVoiceResponse(doc);

describe("voice-action replies", () => {
  it("accepts every verb in its canonical shape", () => {
    const doc = {
      actions: [
        { say: { text: "Karibu", language: "sw-KE", voice: "woman", loop: 1 } },
        { play: { url: "https://cdn.example.com/a.mp3" } },
        {
          getDigits: {
            timeout: 8,
            numDigits: 6,
            finishOnKey: "#",
            nested: [{ say: { text: "PIN?" } }, { play: { url: "https://x.example/b.wav" } }],
          },
        },
        { dial: { number: "+254712345678", callerId: "+254709000200", timeout: 20, record: "record-from-answer" } },
        {
          conference: {
            name: "meeting-42",
            startOnEnter: false,
            endOnExit: false,
            beep: true,
            muted: false,
            maxParticipants: 10,
            record: true,
            waitUrl: "https://cdn.example.com/hold.mp3",
            statusEventsCallbackUrl: "https://app.example.com/api/sautikit/w/conference/events",
            statusEvents: "start end join leave mute unmute",
            collectDigits: true,
            numDigits: 2,
            digitsCallbackUrl: "https://app.example.com/d",
          },
        },
        { record: { maxLength: 60, finishOnKey: "#" } },
        { redirect: { url: "https://app.example.com/next" } },
        { reject: { reason: "busy" } },
        { hangup: {} },
      ],
    };
    expect(ok(doc)).toEqual({ ok: true, actions: doc.actions });
    expect(voiceResponseSchema.safeParse(doc).success).toBe(true);
  });

  it("agrees with the whole-document schema although it parses each action only by its verb's schema", () => {
    const docs: unknown[] = [
      { actions: [{ say: { text: "x" } }, { conference: { name: "r-1", statusEvents: "join leave" } }] },
      { actions: [{ say: { text: "x", extra: 1 } }] },
      { actions: [{ conference: { name: "bad name" } }] },
      { actions: [{ getDigits: { nested: [{ dial: { number: "+254712345678" } }] } }] },
      { actions: [{ dial: {} }] },
      { actions: [{ hangup: {}, say: { text: "x" } }] },
      { actions: [] },
    ];
    for (const doc of docs) {
      const checked = ok(doc);
      const whole = voiceResponseSchema.safeParse(doc);
      expect(checked.ok, JSON.stringify(doc)).toBe(whole.success);
      if (checked.ok && whole.success) expect(checked.actions).toEqual(whole.data.actions);
    }
  });

  it("refuses a verb named after an Object prototype member instead of throwing", () => {
    for (const verb of ["toString", "constructor", "__proto__", "hasOwnProperty"]) {
      expect(ok({ actions: [JSON.parse(`{"${verb}": {}}`)] })).toEqual({
        ok: false,
        error: `actions[0]: unsupported verb "${verb}"`,
      });
    }
  });

  it("allows 50 actions and refuses 51", () => {
    const say = { say: { text: "x" } };
    expect(ok({ actions: Array(50).fill(say) }).ok).toBe(true);
    expect(ok({ actions: Array(51).fill(say) })).toEqual({
      ok: false,
      error: "at most 50 actions are allowed (got 51)",
    });
    expect(voiceResponseSchema.safeParse({ actions: Array(51).fill(say) }).success).toBe(false);
  });

  it.each([
    [{ actions: [{ say: { text: "a" }, hangup: {} }] }, "actions[0] must hold exactly one verb (got 2)"],
    [{ actions: [{}] }, "actions[0] must hold exactly one verb (got 0)"],
    [{ actions: [{ stream: { url: "wss://x" } }] }, 'actions[0]: unsupported verb "stream"'],
    [{ actions: [{ dial: {} }] }, "actions[0].dial: dial needs exactly one of number, numbers or sip"],
    [
      { actions: [{ dial: { number: "+254712345678", numbers: ["+254712345679"] } }] },
      "actions[0].dial: dial needs exactly one of number, numbers or sip",
    ],
    [
      { actions: [{ getDigits: { nested: [{ dial: { number: "+254712345678" } }] } }] },
      "actions[0].getDigits.nested[0]: only say or play may be nested",
    ],
    [{ actions: [{ say: { text: "" } }] }, "actions[0].say.text"],
    [{ actions: [{ say: { text: "a", colour: "red" } }] }, "actions[0].say"],
    [{ actions: [{ conference: { name: "has space" } }] }, "actions[0].conference.name"],
    [{ actions: [{ conference: { name: "a".repeat(65) } }] }, "actions[0].conference.name"],
    [{ actions: [{ conference: { name: "r", statusEvents: "join explode" } }] }, "actions[0].conference.statusEvents"],
    [{ actions: [{ play: { url: "javascript:alert(1)" } }] }, "actions[0].play.url"],
    [{ actions: [{ reject: { reason: "because" } }] }, "actions[0].reject.reason"],
    [{ actions: [], extra: 1 }, 'reply must have exactly one field, "actions"'],
    [{ actions: "say hi" }, "actions must be an array"],
    [[], "reply must be a JSON object"],
  ])("refuses %j", (doc, message) => {
    const result = ok(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });
});

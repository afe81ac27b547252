import { describe, expect, it } from "vitest";
import { apologise, roomActions } from "@/lib/meetings/room-actions";
import { spokenKeyList } from "@/lib/meetings/prompts/key-list";
import { checkVoiceResponse } from "@/lib/sautikit/contract/voice-actions";
import { en } from "@/lib/meetings/prompts/en";
import { sw } from "@/lib/meetings/prompts/sw";

const meeting = {
  id: "m1",
  workspaceId: "w1",
  title: "Bajeti",
  roomName: "mk-20261201-abcdefghijkmnpqr",
  language: "en",
  waitForHost: true,
  endOnHostExit: true,
  beep: true,
  record: false,
  capacity: 10,
  status: "scheduled",
  startedAt: null,
  moderation: "open",
};

const conferenceOf = (doc: ReturnType<typeof roomActions>) => {
  const last = doc.actions[doc.actions.length - 1]!;
  if (!("conference" in last)) throw new Error("last action is not a conference");
  return last.conference;
};

describe("voice answers for an outbound leg", () => {
  it("greets the host and starts the room, ending it when the host leaves", () => {
    const doc = roomActions(meeting, { name: "Halima", role: "host" });
    expect(checkVoiceResponse(doc)).toMatchObject({ ok: true });
    expect(doc.actions[0]).toEqual({ say: { text: en.greeting("Halima", "Bajeti"), language: "en-KE" } });
    const c = conferenceOf(doc);
    expect(c).toMatchObject({ name: meeting.roomName, startOnEnter: true, endOnExit: true, muted: false, beep: true });
    expect(c.waitUrl).toBeUndefined();
    expect(c.statusEventsCallbackUrl).toMatch(/\/api\/sautikit\/w1\/conference\/events\?meetingId=m1$/);
    expect(c.statusEvents).toBe("start end join leave mute unmute");
  });

  it("puts participants in the waiting room with hold audio, and listeners muted", () => {
    const p = conferenceOf(roomActions(meeting, { name: "Amina", role: "participant" }));
    expect(p).toMatchObject({ startOnEnter: false, endOnExit: false, muted: false });
    expect(p.waitUrl).toMatch(/\/audio\/hold\.wav$/);
    const l = roomActions(meeting, { name: "Lena", role: "listener" });
    expect(checkVoiceResponse(l)).toMatchObject({ ok: true });
    expect(conferenceOf(l)).toMatchObject({ muted: true, startOnEnter: false });
    expect(l.actions.some((a) => "say" in a && a.say.text === en.joiningAsListener)).toBe(true);
  });

  it("lets everyone start the room when there is no waiting room, and speaks Swahili when asked", () => {
    const doc = roomActions(
      { ...meeting, waitForHost: false, endOnHostExit: false, language: "sw" },
      { name: "Juma", role: "participant" },
    );
    expect(conferenceOf(doc)).toMatchObject({ startOnEnter: true, endOnExit: false });
    expect(doc.actions[0]).toEqual({ say: { text: sw.greeting("Juma", "Bajeti"), language: "sw-KE" } });
  });

  it("apologises and hangs up when the meeting is full", () => {
    const doc = apologise(en.meetingFull, "en-KE");
    expect(checkVoiceResponse(doc)).toMatchObject({ ok: true });
    expect(doc.actions).toEqual([{ say: { text: en.meetingFull, language: "en-KE" } }, { hangup: {} }]);
  });
});

describe("the room action's keypad", () => {
  // A Swahili meeting: the key hint is checked in the language the room speaks.
  const swMeeting = { ...meeting, language: "sw" };

  it("collects everyone's keys two at a time with no finish key; the host list waits for *0", () => {
    const [hostKeys] = spokenKeyList(sw, { everyone: false, host: true });
    for (const role of ["host", "participant", "listener"] as const) {
      const doc = roomActions(swMeeting, { name: "Juma", role });
      expect(checkVoiceResponse(doc)).toMatchObject({ ok: true });
      expect(conferenceOf(doc)).toMatchObject({ collectDigits: true, numDigits: 2, finishOnKey: "" });
      expect(conferenceOf(doc).digitsCallbackUrl).toMatch(/\/api\/sautikit\/w1\/conference\/digits\?meetingId=m1$/);
      expect(doc.actions).toContainEqual({ say: { text: sw.keyHint, language: "sw-KE" } });
      const hearsHostKeys = doc.actions.some((a) => "say" in a && a.say.text === hostKeys);
      // Said on every join it kept hosts out of the room for seconds; *0 says it on request.
      expect(hearsHostKeys, role).toBe(false);
    }
  });

  it("joins everyone but hosts muted in Presentation and Q&A", () => {
    for (const moderation of ["presentation", "qa"] as const) {
      expect(conferenceOf(roomActions({ ...swMeeting, moderation }, { name: "Juma", role: "participant" })).muted).toBe(
        true,
      );
      expect(conferenceOf(roomActions({ ...swMeeting, moderation }, { name: "Halima", role: "host" })).muted).toBe(
        false,
      );
    }
    expect(conferenceOf(roomActions(swMeeting, { name: "Juma", role: "participant" })).muted).toBe(false);
  });

  it("announces a participant's role only when asked (callers recognised by caller ID)", () => {
    const said = (opts?: { announceRole?: boolean }) =>
      roomActions(swMeeting, { name: "Juma", role: "participant" }, opts).actions;
    expect(said({ announceRole: true })).toContainEqual({ say: { text: sw.joiningAsParticipant, language: "sw-KE" } });
    expect(said()).not.toContainEqual({ say: { text: sw.joiningAsParticipant, language: "sw-KE" } });
  });
});

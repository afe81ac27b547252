import { describe, expect, it } from "vitest";
import { meetingIcs } from "@/lib/meetings/ics";
import { en } from "@/lib/meetings/prompts/en";
import { sw } from "@/lib/meetings/prompts/sw";
import { roomActions, type MeetingForRoom } from "@/lib/meetings/room-actions";
import { inviteText } from "@/lib/meetings/invite-text";
import { limitSettingsSchema } from "@/lib/shared/limit-settings-schema";
import { canExtend, hardStopOf, LIMIT_DEFAULTS } from "@/lib/shared/meeting-limits";
import { RECORDING_NOTICE_LINES } from "@/lib/shared/recording-notice";

const MIN = 60_000;
const at = (iso: string) => new Date(iso);
const ws = { stopGraceMinutes: LIMIT_DEFAULTS.graceMinutes, maxMeetingMinutes: LIMIT_DEFAULTS.maxMeetingMinutes };
const slot = { startsAt: at("2026-12-03T07:00:00Z"), durationMinutes: 60, extendedMinutes: 0 };

describe("hardStopOf", () => {
  it("has no stop before the room starts", () => {
    expect(hardStopOf({ ...slot, startedAt: null }, ws)).toBeNull();
  });

  it("is the scheduled end plus the grace plus extensions, for an early or punctual start", () => {
    const early = hardStopOf({ ...slot, startedAt: at("2026-12-03T06:50:00Z") }, ws)!;
    expect(new Date(early.at).toISOString()).toBe("2026-12-03T08:15:00.000Z");
    expect(new Date(early.cap).toISOString()).toBe("2026-12-03T10:50:00.000Z");
    const extended = hardStopOf({ ...slot, extendedMinutes: 30, startedAt: at("2026-12-03T07:00:00Z") }, ws)!;
    expect(new Date(extended.at).toISOString()).toBe("2026-12-03T08:45:00.000Z");
  });

  it("gives a late start its whole slot, so it is never cut off as it begins", () => {
    const late = hardStopOf({ ...slot, startedAt: at("2026-12-03T09:00:00Z") }, ws)!;
    expect(new Date(late.at).toISOString()).toBe("2026-12-03T10:15:00.000Z");
  });

  it("never passes the workspace maximum, however long the slot or the extensions", () => {
    const long = hardStopOf(
      { ...slot, durationMinutes: 600, extendedMinutes: 45, startedAt: at("2026-12-03T07:00:00Z") },
      ws,
    )!;
    expect(long.at).toBe(long.cap);
    expect(long.cap - at("2026-12-03T07:00:00Z").getTime()).toBe(240 * MIN);
    expect(canExtend(long)).toBe(false);
    expect(canExtend(hardStopOf({ ...slot, startedAt: slot.startsAt }, ws)!)).toBe(true);
  });
});

describe("limit settings", () => {
  it("accepts sensible minutes and refuses the rest with a clear message", () => {
    expect(limitSettingsSchema.parse({ stopGraceMinutes: 0, maxMeetingMinutes: 30 })).toEqual({
      stopGraceMinutes: 0,
      maxMeetingMinutes: 30,
    });
    for (const bad of [
      { stopGraceMinutes: -1, maxMeetingMinutes: 240 },
      { stopGraceMinutes: 121, maxMeetingMinutes: 240 },
      { stopGraceMinutes: 15, maxMeetingMinutes: 29 },
      { stopGraceMinutes: 15, maxMeetingMinutes: 24 * 60 + 1 },
      { stopGraceMinutes: 1.5, maxMeetingMinutes: 240 },
      { stopGraceMinutes: "15", maxMeetingMinutes: 240 },
      { stopGraceMinutes: 15, maxMeetingMinutes: 240, extra: 1 },
    ]) {
      const r = limitSettingsSchema.safeParse(bad);
      expect(r.success, JSON.stringify(bad)).toBe(false);
      expect(r.error!.issues[0]!.message.length).toBeGreaterThan(5);
    }
  });
});

describe("recording notice", () => {
  const meeting: MeetingForRoom = {
    id: "m",
    workspaceId: "w",
    title: "Chama",
    roomName: "room",
    language: "sw",
    waitForHost: true,
    endOnHostExit: true,
    beep: true,
    record: true,
    capacity: 10,
    status: "live",
    startedAt: null,
    moderation: "open",
  };

  it("is the last thing said before the conference, for hosts and participants, in the meeting's language", () => {
    for (const role of ["host", "participant", "listener"] as const) {
      const { actions } = roomActions(meeting, { name: "Amina", role });
      const conference = actions.findIndex((a) => "conference" in a);
      expect(actions[conference - 1]).toEqual({ say: { text: sw.recordingNotice, language: "sw-KE" } });
    }
    const english = roomActions({ ...meeting, language: "en" }, { name: null, role: "participant" });
    expect(english.actions).toContainEqual({ say: { text: en.recordingNotice, language: "en-KE" } });
    const unrecorded = roomActions({ ...meeting, record: false }, { name: "Amina", role: "participant" });
    expect(JSON.stringify(unrecorded)).not.toContain(sw.recordingNotice);
  });

  it("is written in the invitation text and the .ics, in English and Swahili", () => {
    const base = {
      id: "4f1d2c1e-0000-4000-8000-000000000001",
      title: "Chama",
      agenda: "",
      startsAt: at("2026-12-03T07:00:00Z"),
      timeZone: "Africa/Nairobi",
      durationMinutes: 60,
      recurrence: "none",
      pin: "159260384",
    };
    const text = inviteText({ ...base, dialInDisplay: null, record: true });
    const ics = meetingIcs({ ...base, dialInNumber: null, record: true }).replace(/\r\n[ \t]/g, "");
    for (const line of RECORDING_NOTICE_LINES) {
      expect(text).toContain(line);
      // The .ics escapes commas and semicolons in text values.
      expect(ics).toContain(line.replace(/([,;])/g, "\\$1"));
    }
    expect(RECORDING_NOTICE_LINES[1]).toMatch(/unarekodiwa/);
    expect(inviteText({ ...base, dialInDisplay: null })).not.toContain(RECORDING_NOTICE_LINES[0]);
    expect(meetingIcs({ ...base, dialInNumber: null })).not.toContain("unarekodiwa");
  });
});

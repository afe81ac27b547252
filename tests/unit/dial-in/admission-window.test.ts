import { describe, expect, it } from "vitest";
import { admissionStage, EARLY_JOIN_MS, pickInviteeMeeting, spokenStartTime } from "@/lib/dial-in/admission-window";

const now = Date.parse("2026-12-01T09:00:00Z");
const at = (offsetMin: number) => new Date(now + offsetMin * 60_000);
const meeting = (status: string, startOffsetMin: number, durationMinutes = 30) => ({
  status,
  startsAt: at(startOffsetMin),
  durationMinutes,
});

describe("admission stage", () => {
  it("opens 15 minutes before the start and stays open for the meeting's slot", () => {
    expect(admissionStage(meeting("scheduled", 16), now)).toBe("early");
    expect(admissionStage(meeting("scheduled", EARLY_JOIN_MS / 60_000), now)).toBe("open");
    expect(admissionStage(meeting("scheduled", 0), now)).toBe("open");
    expect(admissionStage(meeting("scheduled", -30), now)).toBe("open");
    expect(admissionStage(meeting("scheduled", -31), now)).toBe("late");
  });

  it("follows the meeting's status before the clock", () => {
    expect(admissionStage(meeting("live", 120), now)).toBe("open");
    expect(admissionStage(meeting("ended", 0), now)).toBe("ended");
    expect(admissionStage(meeting("cancelled", 0), now)).toBe("cancelled");
  });
});

describe("picking the meeting an invitee's caller ID points to", () => {
  it("prefers a live meeting, then the one closest to now, and never an early or closed one", () => {
    const soon = { id: "soon", ...meeting("scheduled", 10) };
    const justStarted = { id: "started", ...meeting("scheduled", -5) };
    const live = { id: "live", ...meeting("live", -60, 120) };
    const later = { id: "later", ...meeting("scheduled", 60) };
    const ended = { id: "ended", ...meeting("ended", 0) };
    expect(pickInviteeMeeting([soon, justStarted, live, later, ended], now)?.id).toBe("live");
    expect(pickInviteeMeeting([soon, justStarted, later], now)?.id).toBe("started");
    expect(pickInviteeMeeting([later, ended], now)).toBeUndefined();
  });
});

describe("spoken start time", () => {
  it("reads the time in the meeting's own time zone", () => {
    expect(spokenStartTime(new Date("2026-12-01T11:30:00Z"), "Africa/Nairobi")).toBe("14:30");
    expect(spokenStartTime(new Date("2026-12-01T11:30:00Z"), "Africa/Lagos")).toBe("12:30");
    expect(spokenStartTime(new Date("2026-12-01T11:30:00Z"), "Not/AZone")).toBe("14:30");
  });
});

import { describe, expect, it } from "vitest";
import { spokenStartTime } from "@/lib/dial-in/admission-window";
import { swahiliClock } from "@/lib/meetings/prompts/sw";
import { en } from "@/lib/meetings/prompts/en";
import { sw } from "@/lib/meetings/prompts/sw";

// "This meeting has not started yet; it starts at …" is spoken in the meeting's language, and a
// Swahili caller hears Swahili time (hours counted from 06:00), not "saa 14:30".

describe("the start time a caller hears", () => {
  it("counts Swahili hours from six in the morning, with the part of the day", () => {
    expect(swahiliClock(7, 0)).toBe("saa moja asubuhi");
    expect(swahiliClock(14, 30)).toBe("saa nane na nusu mchana");
    expect(swahiliClock(12, 0)).toBe("saa sita mchana");
    expect(swahiliClock(18, 15)).toBe("saa kumi na mbili na robo jioni");
    expect(swahiliClock(20, 45)).toBe("saa tatu kasorobo usiku"); // quarter to nine
    expect(swahiliClock(0, 10)).toBe("saa sita na dakika 10 usiku");
    expect(swahiliClock(5, 0)).toBe("saa kumi na moja alfajiri");
  });

  it("speaks the meeting's own zone and language", () => {
    const at = new Date("2026-12-01T11:30:00Z"); // 14:30 in Nairobi
    expect(spokenStartTime(at, "Africa/Nairobi")).toBe("14:30");
    expect(spokenStartTime(at, "Africa/Nairobi", "sw")).toBe("saa nane na nusu mchana");
    expect(spokenStartTime(at, "Africa/Lagos", "sw")).toBe("saa sita na nusu mchana");
    expect(spokenStartTime(at, "Not/AZone", "sw")).toBe("saa nane na nusu mchana");
    expect(sw.meetingNotStarted(spokenStartTime(at, "Africa/Nairobi", "sw"))).toContain(
      "Utaanza saa nane na nusu mchana.",
    );
    expect(en.meetingNotStarted(spokenStartTime(at, "Africa/Nairobi", "en"))).toContain("It starts at 14:30.");
  });
});

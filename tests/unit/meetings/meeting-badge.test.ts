import { describe, expect, it } from "vitest";
import { meetingBadgeStatus } from "@/lib/shared/meeting-badge";

describe("meetingBadgeStatus", () => {
  it("follows the meeting: scheduled → calling → live → ended", () => {
    expect(meetingBadgeStatus("scheduled", 0)).toBe("scheduled");
    expect(meetingBadgeStatus("scheduled", 3)).toBe("calling");
    expect(meetingBadgeStatus("live", 3)).toBe("live");
    expect(meetingBadgeStatus("live", 0)).toBe("live");
    expect(meetingBadgeStatus("ended", 1)).toBe("ended");
    expect(meetingBadgeStatus("cancelled", 0)).toBe("cancelled");
  });
});

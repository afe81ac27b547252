import { describe, expect, it } from "vitest";
import { legSecondsOnHold } from "@/lib/shared/hold-time";

describe("hold time", () => {
  const t0 = Date.parse("2026-12-01T09:00:00Z");
  it("counts from the waiting room to the room's start, or to the end of the call", () => {
    expect(legSecondsOnHold({ waitingAt: null, joinedAt: t0, endedAt: null }, t0 + 60_000)).toBe(0);
    expect(legSecondsOnHold({ waitingAt: t0, joinedAt: null, endedAt: null }, t0 + 42_500)).toBe(42);
    expect(legSecondsOnHold({ waitingAt: t0, joinedAt: t0 + 90_000, endedAt: null }, t0 + 600_000)).toBe(90);
    expect(legSecondsOnHold({ waitingAt: t0, joinedAt: null, endedAt: t0 + 30_000 }, t0 + 600_000)).toBe(30);
  });
});

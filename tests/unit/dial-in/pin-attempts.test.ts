import { describe, expect, it } from "vitest";
import {
  forgetPinAttempts,
  isNumberBlocked,
  MAX_WRONG_PINS_PER_NUMBER,
  recordWrongPin,
} from "@/lib/dial-in/pin-attempts";

describe("wrong-PIN counting", () => {
  const t0 = Date.parse("2026-12-01T09:00:00Z");

  it("counts per call, and starts again for a new call or once forgotten", () => {
    expect(recordWrongPin("call-a", undefined, t0)).toBe(1);
    expect(recordWrongPin("call-a", undefined, t0 + 1000)).toBe(2);
    expect(recordWrongPin("call-b", undefined, t0 + 1000)).toBe(1);
    forgetPinAttempts("call-a");
    expect(recordWrongPin("call-a", undefined, t0 + 2000)).toBe(1);
    // A call's count expires after its window.
    expect(recordWrongPin("call-b", undefined, t0 + 16 * 60_000)).toBe(1);
  });

  it("turns away a number that keeps guessing, for an hour from its first miss", () => {
    const from = "+254722000999";
    for (let i = 0; i < MAX_WRONG_PINS_PER_NUMBER - 1; i++) recordWrongPin(`guess-${i}`, from, t0 + i * 1000);
    expect(isNumberBlocked(from, t0 + 60_000)).toBe(false);
    recordWrongPin("guess-last", from, t0 + 60_000);
    expect(isNumberBlocked(from, t0 + 61_000)).toBe(true);
    expect(isNumberBlocked("+254722000998", t0 + 61_000)).toBe(false);
    expect(isNumberBlocked(from, t0 + 61 * 60_000)).toBe(false);
    expect(isNumberBlocked(undefined, t0)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { generatePin, generatePinPair, isWeakPin, PIN_LENGTH } from "@/lib/meetings/pin";
import { isRoomName, newRoomName } from "@/lib/meetings/room-name";

function seq(values: number[]) {
  let i = 0;
  return (max: number) => values[i++ % values.length]! % max;
}

describe("PINs", () => {
  it("are at least 9 digits", () => {
    for (let i = 0; i < 200; i++) expect(generatePin()).toMatch(/^\d{9}$/);
    expect(generatePin(12)).toMatch(/^\d{12}$/);
    expect(() => generatePin(6)).toThrow(/at least 9/);
    expect(PIN_LENGTH).toBeGreaterThanOrEqual(9);
  });

  it("are spread over all digits (not a constant)", () => {
    const pins = new Set(Array.from({ length: 500 }, () => generatePin()));
    expect(pins.size).toBe(500);
    const digits = new Set([...pins].join(""));
    expect(digits.size).toBe(10);
  });

  it("never hand out a guessable PIN", () => {
    expect(isWeakPin("111111111")).toBe(true);
    expect(isWeakPin("123456789")).toBe(true);
    expect(isWeakPin("987654321")).toBe(true);
    expect(isWeakPin("890123456")).toBe(true);
    expect(isWeakPin("123456780")).toBe(false);
    // A source that first yields a repeated digit, then something usable.
    const random = seq([7, 7, 7, 7, 7, 7, 7, 7, 7, 1, 5, 9, 2, 6, 0, 3, 8, 4]);
    expect(generatePin(9, random)).toBe("159260384");
  });

  it("pairs a meeting PIN with a different host PIN, avoiding taken ones", () => {
    const random = seq([
      1, 5, 9, 2, 6, 0, 3, 8, 4, 1, 5, 9, 2, 6, 0, 3, 8, 4, 2, 4, 6, 8, 0, 1, 3, 5, 7, 3, 1, 4, 1, 5, 9, 2, 6, 5,
    ]);
    const pair = generatePinPair(new Set(["159260384"]), random);
    expect(pair.pin).not.toBe("159260384");
    expect(pair.hostPin).not.toBe(pair.pin);
    expect(pair.pin).toMatch(/^\d{9}$/);
    expect(pair.hostPin).toMatch(/^\d{9}$/);
  });
});

describe("room names", () => {
  it("are unique per occurrence and safe for Sautikit", () => {
    const start = new Date("2026-12-01T06:30:00Z");
    const names = new Set(Array.from({ length: 300 }, () => newRoomName(start)));
    expect(names.size).toBe(300);
    for (const n of names) {
      expect(isRoomName(n)).toBe(true);
      expect(n).toMatch(/^mk-20261201-[a-z2-9]{16}$/);
      expect(n.length).toBeLessThanOrEqual(64);
    }
  });
});

import { describe, expect, it } from "vitest";
import { LOGIN_WINDOW_MS, accountKey, clientIp, throttleVerdict } from "@/lib/auth/rate-limit";

const now = new Date("2026-11-25T12:00:00Z");
const ago = (ms: number) => ({ createdAt: new Date(now.getTime() - ms) });

describe("throttleVerdict", () => {
  it("allows fewer failures than the limit", () => {
    expect(throttleVerdict([ago(1000), ago(500)], 5, now)).toEqual({ limited: false });
  });

  it("limits at the limit and says when the window frees up", () => {
    // Oldest first, as the query returns them; the oldest ages out in 15 min − 10 min = 5 min.
    const failures = [ago(10 * 60_000), ago(4 * 60_000), ago(3 * 60_000), ago(2 * 60_000), ago(60_000)];
    expect(throttleVerdict(failures, 5, now)).toEqual({ limited: true, retryAfterSeconds: 5 * 60 });
  });

  it("waits for the failure that tipped it over, not the oldest, when over the limit", () => {
    const failures = [ago(14 * 60_000), ago(12 * 60_000), ago(60_000), ago(50_000)];
    // max 3: the third-newest (12 min ago) must age out → 3 minutes.
    expect(throttleVerdict(failures, 3, now)).toEqual({ limited: true, retryAfterSeconds: 3 * 60 });
  });

  it("never asks to wait less than a second", () => {
    const failures = [ago(LOGIN_WINDOW_MS - 1), ago(1), ago(1)];
    expect(throttleVerdict(failures, 3, now)).toEqual({ limited: true, retryAfterSeconds: 1 });
  });
});

describe("keys and client IP", () => {
  it("keys accounts case-insensitively", () => {
    expect(accountKey(" Admin@Example.com ")).toBe(accountKey("admin@example.com"));
  });

  it("behind a trusted proxy (TRUST_PROXY), takes the nearest proxy's hop from X-Forwarded-For", () => {
    expect(
      clientIp(new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.2", "x-mkutano-peer-address": "10.0.0.1" }), true),
    ).toBe("10.0.0.2");
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.4" }), true)).toBe("198.51.100.4");
    expect(clientIp(new Headers(), true)).toBeNull();
  });

  it("otherwise ignores X-Forwarded-For and X-Real-IP: the socket peer is the client", () => {
    const spoofed = { "x-forwarded-for": "198.51.100.7", "x-real-ip": "198.51.100.8" };
    expect(clientIp(new Headers({ ...spoofed, "x-mkutano-peer-address": "203.0.113.5" }), false)).toBe("203.0.113.5");
    expect(clientIp(new Headers({ ...spoofed, "x-mkutano-peer-address": "::ffff:203.0.113.5" }), false)).toBe(
      "203.0.113.5",
    );
    expect(clientIp(new Headers(spoofed), false)).toBeNull();
  });

  it("treats loopback as unknown, so local traffic cannot trip the shared per-IP limit", () => {
    for (const ip of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      expect(clientIp(new Headers({ "x-forwarded-for": ip }), true)).toBeNull();
      expect(clientIp(new Headers({ "x-mkutano-peer-address": ip }), false)).toBeNull();
    }
  });
});

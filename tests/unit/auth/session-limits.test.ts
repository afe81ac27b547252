import { describe, expect, it } from "vitest";
import {
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  SESSION_TOUCH_MS,
  sessionState,
  shouldTouch,
} from "@/lib/auth/session-limits";

const t0 = new Date("2026-01-01T00:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("session limits", () => {
  it("are a week idle and thirty days absolute", () => {
    expect(SESSION_IDLE_MS).toBe(7 * 86_400_000);
    expect(SESSION_ABSOLUTE_MS).toBe(30 * 86_400_000);
  });

  it("keeps a session in use alive until the absolute limit", () => {
    const row = { createdAt: t0, lastSeenAt: at(SESSION_ABSOLUTE_MS - 60_000), revokedAt: null };
    expect(sessionState(row, at(SESSION_ABSOLUTE_MS - 1))).toBe("active");
    expect(sessionState(row, at(SESSION_ABSOLUTE_MS))).toBe("expired");
  });

  it("ends a session left idle for the idle limit", () => {
    const row = { createdAt: t0, lastSeenAt: at(86_400_000), revokedAt: null };
    expect(sessionState(row, at(86_400_000 + SESSION_IDLE_MS - 1))).toBe("active");
    expect(sessionState(row, at(86_400_000 + SESSION_IDLE_MS))).toBe("idle");
  });

  it("treats a revoked session as ended whatever its age", () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: t0, revokedAt: t0 }, t0)).toBe("revoked");
  });

  it("writes lastSeenAt at most once a minute", () => {
    const row = { createdAt: t0, lastSeenAt: t0, revokedAt: null };
    expect(shouldTouch(row, at(SESSION_TOUCH_MS - 1))).toBe(false);
    expect(shouldTouch(row, at(SESSION_TOUCH_MS))).toBe(true);
  });
});

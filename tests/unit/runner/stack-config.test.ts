import { describe, expect, it } from "vitest";
import { resolveStackConfig as resolveFromEnv } from "@/scripts/lib/config";

// Next's types make NODE_ENV a required ProcessEnv key; these tests pass partial environments.
const resolveStackConfig = (env: Record<string, string>) => resolveFromEnv(env as NodeJS.ProcessEnv);

describe("resolveStackConfig", () => {
  it("defaults to local mode on the documented ports", () => {
    const c = resolveStackConfig({});
    expect(c).toMatchObject({
      appPort: 3000,
      appHost: "127.0.0.1",
      emulatorPort: 4010,
      appBaseUrl: "http://127.0.0.1:3000",
      sautikitApiUrl: "http://127.0.0.1:4010",
      localMode: true,
      databaseUrl: "pglite:./.data/mkutano",
      warnings: [],
    });
    expect(c.env.NEXT_TELEMETRY_DISABLED).toBe("1");
    expect(c.env.EMULATOR_PORT).toBe("4010");
  });

  it("derives the API URL and base URL from the ports when only ports are given", () => {
    const c = resolveStackConfig({ PORT: "3500", EMULATOR_PORT: "4500" });
    expect(c.sautikitApiUrl).toBe("http://127.0.0.1:4500");
    expect(c.appBaseUrl).toBe("http://127.0.0.1:3500");
    expect(c.env.SAUTIKIT_API_URL).toBe("http://127.0.0.1:4500");
  });

  it("derives the emulator port from a local SAUTIKIT_API_URL", () => {
    expect(resolveStackConfig({ SAUTIKIT_API_URL: "http://localhost:4555" }).emulatorPort).toBe(4555);
  });

  it("refuses a local API URL and emulator port that disagree", () => {
    expect(() => resolveStackConfig({ SAUTIKIT_API_URL: "http://127.0.0.1:4010", EMULATOR_PORT: "4500" })).toThrow(
      /port 4010 but EMULATOR_PORT is 4500/,
    );
  });

  it("treats a remote API URL as real Sautikit", () => {
    const c = resolveStackConfig({ SAUTIKIT_API_URL: "https://api.sautikit.com", EMULATOR_PORT: "4500" });
    expect(c.localMode).toBe(false);
    expect(c.emulatorPort).toBe(4500);
  });

  it("warns when a local APP_BASE_URL misses the app's port", () => {
    const c = resolveStackConfig({ PORT: "3500", APP_BASE_URL: "http://127.0.0.1:3000" });
    expect(c.warnings).toHaveLength(1);
    expect(c.warnings[0]).toMatch(/not port 3500/);
    expect(resolveStackConfig({ PORT: "3500", APP_BASE_URL: "https://meet.example.com" }).warnings).toEqual([]);
  });

  it("rejects invalid ports with the variable's name", () => {
    expect(() => resolveStackConfig({ PORT: "70000" })).toThrow(/PORT/);
    expect(() => resolveStackConfig({ EMULATOR_PORT: "abc" })).toThrow(/EMULATOR_PORT/);
  });
});

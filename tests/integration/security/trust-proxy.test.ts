// X-Forwarded-For is believed only when TRUST_PROXY says a proxy sets it. Without a proxy anyone
// can send it: a sprayer rotating fake addresses dodged the per-address sign-in limit, and 20
// failures "from" a victim's address locked the victim out. Over HTTP through the real Auth.js
// sign-in: with TRUST_PROXY off (the default) forged headers put nothing in any address bucket
// and the forged address can still sign in; with it on, the proxy's hop is the client address.
import { describe, expect, it } from "vitest";
import { appFixture } from "../support/app-fixture";
import { Client } from "../reliability/support/http-client";

const pathOf = (res: Response) => res.headers.get("location") ?? "";
const VICTIM = "198.51.100.7";

async function sprayFrom(c: Client, headers: Record<string, string>): Promise<void> {
  for (let i = 0; i < 20; i++)
    expect(pathOf(await c.signIn(`someone-${i}@spray.test`, "guess-1", headers))).toContain("code=credentials");
}

// 40-odd real sign-ins (argon2) per test: generous time on a busy machine.
describe("TRUST_PROXY off (the default)", () => {
  const app = appFixture();
  it(
    "X-Forwarded-For / X-Real-IP are ignored, so they can neither lock out nor evade",
    { timeout: 180_000 },
    async () => {
      const { db } = app.lib;
      const { adminA } = await app.people();
      const c = new Client(app.url);
      await sprayFrom(c, { "x-forwarded-for": VICTIM, "x-real-ip": VICTIM });
      // The forged address collected nothing: the victim signs in from it.
      expect(await db.loginAttempt.count({ where: { key: { startsWith: "ip:" } } })).toBe(0);
      expect(pathOf(await c.signIn(adminA.email, adminA.password, { "x-forwarded-for": VICTIM }))).toMatch(
        /\/meetings$/,
      );
      // Nor can a client claim a socket address: the server overwrites that header with the peer's.
      await sprayFrom(new Client(app.url), { "x-mkutano-peer-address": VICTIM });
      expect(await db.loginAttempt.count({ where: { key: `ip:${VICTIM}` } })).toBe(0);
    },
  );
});

describe("TRUST_PROXY on", () => {
  const app = appFixture({ env: { TRUST_PROXY: "true" } });
  it("the nearest proxy's X-Forwarded-For hop is the client address", { timeout: 180_000 }, async () => {
    const { db } = app.lib;
    const { adminA } = await app.people();
    const c = new Client(app.url);
    // "spoofed-by-client, <what our proxy saw>": only the last hop counts.
    await sprayFrom(c, { "x-forwarded-for": `203.0.113.50, ${VICTIM}` });
    expect(await db.loginAttempt.count({ where: { key: `ip:${VICTIM}` } })).toBe(20);
    expect(pathOf(await c.signIn(adminA.email, adminA.password, { "x-forwarded-for": VICTIM }))).toContain(
      "code=rate_limited",
    );
    expect(pathOf(await c.signIn(adminA.email, adminA.password, { "x-forwarded-for": "198.51.100.8" }))).toMatch(
      /\/meetings$/,
    );
  });
});

describe("TRUST_PROXY settings", () => {
  it("an invalid value stops the app at start-up", async () => {
    const { loadEnv } = await import("@/lib/env");
    expect(() => loadEnv({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY/);
    expect(loadEnv({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(true);
    expect(loadEnv({}).TRUST_PROXY).toBe(false);
  });
});

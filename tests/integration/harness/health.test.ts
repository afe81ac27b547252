// The real /api/health route through the adapter: up on a migrated test database, down (503,
// no details) when the database cannot be reached.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appFixture } from "../support/app-fixture";
import { type AppServer, startAppServer } from "../support/app-server";

describe("GET /api/health on a real database", () => {
  const app = appFixture();

  it("reports the database up", async () => {
    const res = await fetch(`${app.url}/api/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ ok: true, db: "up" });
  });
});

describe("GET /api/health with the database unreachable", () => {
  let app: AppServer;
  beforeAll(async () => {
    // Port 9 (discard) on loopback: nothing listens, so the connection is refused at once.
    app = await startAppServer({ databaseUrl: "postgresql://nobody:nothing@127.0.0.1:9/none" });
  });
  afterAll(() => app?.stop());

  it("answers 503 without leaking the error", async () => {
    const res = await fetch(`${app.url}/api/health`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, db: "down" });
  });
});

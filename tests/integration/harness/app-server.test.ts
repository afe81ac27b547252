// The in-process adapter itself, against fixture routes that exercise each part of its contract.
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";

const fixtureApp = fileURLToPath(new URL("./fixture-app", import.meta.url));
const gate = globalThis as typeof globalThis & { __releaseStream?: () => void };

describe("app server adapter", () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startAppServer({ databaseUrl: "pglite:memory", appDir: fixtureApp });
  });
  afterAll(() => app?.stop());

  it("passes dynamic params, the query and the raw body through untouched", async () => {
    const body = '{"b":2,  "a":1}\n'; // odd spacing: re-serialising would change the bytes
    const res = await fetch(`${app.url}/api/echo/abc%20123?x=1&y=two`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-multi": "one" },
      body,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: "abc 123",
      method: "POST",
      query: { x: "1", y: "two" },
      body,
      contentType: "application/json",
      multi: "one",
    });
  });

  it("prefers static segments over catch-alls and fills catch-all params", async () => {
    expect(await (await fetch(`${app.url}/api/files/special`)).json()).toEqual({ route: "static" });
    expect(await (await fetch(`${app.url}/api/files/a/b/c.txt`)).json()).toEqual({
      route: "catch-all",
      path: ["a", "b", "c.txt"],
    });
    expect((await fetch(`${app.url}/api/files`)).status).toBe(404);
  });

  it("matches optional catch-alls with and without segments, and ignores route groups", async () => {
    expect(await (await fetch(`${app.url}/api/opt`)).json()).toEqual({ rest: null });
    expect(await (await fetch(`${app.url}/api/opt/x/y`)).json()).toEqual({ rest: ["x", "y"] });
    expect(await (await fetch(`${app.url}/api/grouped`)).json()).toEqual({ route: "grouped" });
  });

  it("answers unknown paths with 404 and unsupported methods with 405 and Allow", async () => {
    expect((await fetch(`${app.url}/api/nope`)).status).toBe(404);
    const res = await fetch(`${app.url}/api/echo/1`, { method: "DELETE" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD, POST");
    const head = await fetch(`${app.url}/api/echo/1`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });

  it("supports cookies(), headers() and redirect() as Next does", async () => {
    const posted = await fetch(`${app.url}/api/session`, {
      method: "POST",
      body: new URLSearchParams({ who: "amina" }),
      redirect: "manual",
    });
    expect(posted.status).toBe(307);
    expect(posted.headers.get("location")).toBe("/api/session");
    const cookie = posted.headers.getSetCookie();
    expect(cookie).toHaveLength(1);
    expect(cookie[0]).toMatch(/^who=amina; Path=\/; HttpOnly/);

    const res = await fetch(`${app.url}/api/session`, { headers: { cookie: "who=amina", "x-agent": "tests" } });
    expect(await res.json()).toEqual({ who: "amina", agent: "tests" });
  });

  it("turns notFound() into 404 and an unhandled error into a generic 500", async () => {
    expect((await fetch(`${app.url}/api/missing`)).status).toBe(404);
    const res = await fetch(`${app.url}/api/boom`);
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain("secret internal detail");
  });

  it("streams response bodies chunk by chunk", async () => {
    const res = await fetch(`${app.url}/api/stream`);
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    // The route withholds its second chunk until we have read the first: a buffering adapter hangs.
    const first = await reader.read();
    expect(decoder.decode(first.value)).toBe("data: first\n\n");
    gate.__releaseStream!();
    let rest = "";
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest += decoder.decode(r.value);
    expect(rest).toBe("data: second\n\n");
  });

  it("refuses a second server in the same process", async () => {
    await expect(startAppServer({ databaseUrl: "pglite:memory", appDir: fixtureApp })).rejects.toThrow(
      /already running/,
    );
  });
});

describe("app server stop()", () => {
  const hooks = globalThis as typeof globalThis & {
    __slowEntered?: () => void;
    __slowRelease?: Promise<void>;
    __events?: string[];
  };

  it("lets an in-flight handler finish before closing the database, and refuses late requests", async () => {
    const app = await startAppServer({ databaseUrl: "pglite:memory", appDir: fixtureApp });
    const events: string[] = (hooks.__events = []);
    const entered = new Promise<void>((resolve) => (hooks.__slowEntered = resolve));
    let release!: () => void;
    hooks.__slowRelease = new Promise<void>((resolve) => (release = resolve));

    const slow = fetch(`${app.url}/api/slow`);
    await entered;
    const stopped = app.stop().then(() => events.push("stopped"));
    const late = await fetch(`${app.url}/api/slow`).then(
      (r) => r.status,
      () => "refused",
    );
    expect([503, "refused"]).toContain(late);
    release();

    const res = await slow;
    await stopped;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ done: true });
    expect(events).toEqual(["handler finished", "stopped"]);
  });
});

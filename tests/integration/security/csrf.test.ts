// CSRF on the JSON API, with a valid session cookie riding along as it would from a victim's
// browser. authz.test.ts sends three forged requests to every mutating route; this file pins the
// rule itself: which Origin / Sec-Fetch-Site combinations count as this app, that same-origin
// browsers and cookie-less server clients keep working, that Sautikit's signed webhooks are not
// caught by the check, and that Auth.js's own sign-in refuses a post without its CSRF token.
import { beforeAll, describe, expect, it } from "vitest";
import { appFixture, meetingInput } from "../support/app-fixture";
import { Client, createPeople, type People, postMeeting, signedIn } from "../reliability/support/http-client";

const app = appFixture();
const m = app.lib;
let people: People;
let admin: Client;
let meetingId: string;

const meeting = (title: string) => meetingInput({ title });

beforeAll(async () => {
  people = await createPeople(m.db);
  admin = await signedIn(app.url, people.adminA);
  meetingId = await postMeeting(admin, { title: "Kept" });
}, 120_000);

async function state() {
  const [meetings, kept, audit] = await Promise.all([
    m.db.meeting.count(),
    m.db.meeting.findUnique({ where: { id: meetingId } }),
    m.db.auditLog.count(),
  ]);
  return { meetings, kept, audit };
}

const port = () => new URL(app.url).port;
const FORGED: [string, Record<string, string>][] = [
  ["another site's Origin", { origin: "https://evil.example" }],
  ["an opaque (sandboxed) Origin", { origin: "null" }],
  ["this host on another port", { origin: "http://127.0.0.1:1" }],
  ["this host over https", { origin: `https://127.0.0.1:${"PORT"}` }],
  ["a look-alike host", { origin: `http://127.0.0.1.evil.example:${"PORT"}` }],
  ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
  ["Sec-Fetch-Site: same-site (a sibling subdomain)", { "sec-fetch-site": "same-site" }],
  ["Sec-Fetch-Site: cross-site with this app's Origin", { "sec-fetch-site": "cross-site", origin: "SELF" }],
];
const resolve = (h: Record<string, string>) =>
  Object.fromEntries(Object.entries(h).map(([k, v]) => [k, v === "SELF" ? app.url : v.replace("PORT", port())]));

describe("CSRF: cross-site mutations are refused", () => {
  it.each(FORGED)("%s → 403 on create, update and delete; nothing changes", async (_label, headers) => {
    const before = await state();
    const attempts = [
      await admin.json("/api/meetings", "POST", meeting("Forged"), resolve(headers)),
      await admin.json(`/api/meetings/${meetingId}`, "PATCH", meeting("Forged"), resolve(headers)),
      await admin.fetch(`/api/meetings/${meetingId}`, { method: "DELETE", headers: resolve(headers) }),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
        "Cross-site requests are not allowed.",
      );
    }
    expect(await state()).toEqual(before);
  });

  it("a text/plain or form-encoded cross-site post (no preflight) is refused too", async () => {
    const before = await state();
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const res = await admin.fetch("/api/meetings", {
        method: "POST",
        headers: { "content-type": type, origin: "https://evil.example" },
        body: JSON.stringify(meeting("Forged")),
      });
      expect(res.status, type).toBe(403);
    }
    expect(await state()).toEqual(before);
  });
});

describe("CSRF: legitimate callers keep working", () => {
  it.each([
    [
      "a same-origin browser (Origin + Sec-Fetch-Site: same-origin)",
      { "sec-fetch-site": "same-origin", origin: "SELF" },
    ],
    ["a browser that sends only Origin", { origin: "SELF" }],
    ["a typed navigation (Sec-Fetch-Site: none)", { "sec-fetch-site": "none" }],
  ])("%s", async (_label, headers) => {
    const res = await admin.json("/api/meetings", "POST", meeting("Same origin"), resolve(headers));
    expect(res.status, await res.clone().text()).toBe(201);
  });

  it("a server-side client without Origin (no ambient browser cookies to abuse)", async () => {
    const res = await fetch(`${app.url}/api/meetings`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: admin.cookieHeader() },
      body: JSON.stringify(meeting("Script")),
    });
    expect(res.status).toBe(201);
  });

  it("Sautikit's webhooks are judged by their signature, not their Origin", async () => {
    const res = await fetch(`${app.url}/api/sautikit/${people.adminA.workspaceId}/conference/events`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      body: JSON.stringify({ event: "conference.member_joined" }),
    });
    // Unsigned: refused for its signature (401), which proves the CSRF check did not answer first.
    expect(res.status).toBe(401);
  });
});

describe("CSRF: Auth.js sign-in", () => {
  it("a credentials post without the CSRF token issues no session", async () => {
    const attacker = new Client(app.url);
    const res = await attacker.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
      body: new URLSearchParams({
        email: people.adminB.email,
        password: people.adminB.password,
        callbackUrl: "/meetings",
      }),
    });
    expect(res.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="))).toBe(false);
    expect(res.headers.get("location") ?? "").toMatch(/error=MissingCSRF/);
  });
});

import { type APIRequestContext, type Browser, expect, request, test } from "@playwright/test";
import { discoverPages } from "./support/app-pages";
import { createMeeting } from "./support/demo-meetings";
import {
  account,
  createInvite,
  DEMO_ADMIN,
  DEMO_ORGANISER,
  runTag,
  signedInRequest as signedIn,
  signUp,
} from "./support/fixtures";
import { E2E_APP_URL } from "./support/urls";

// The authorization matrix over every PAGE of the production build. Pages are found on disk
// (app/**/page.tsx), so a page added without a row here fails the coverage test. For each page:
// anonymous (no cookie, and a forged session cookie that gets past the proxy) → redirect to
// /sign-in?next=<path>; an admin of another workspace → 404 on workspace A's meeting pages; an
// organiser → the 403 page on admin-only pages; the admin → 200 with the page's own heading.
// Public pages (sign-in, sign-up, forgot password, invite, reset) answer 200 to anonymous visitors.

const run = runTag();

type Access = "public" | "member" | "admin";
/** `heading`: the page's own <h1>, so a 200 is known to be that page and not an error page. */
type Row = { access: Access; heading: RegExp; /** workspace-scoped ids in the URL */ resource?: boolean };

const ROWS: Record<string, Row> = {
  "/sign-in": { access: "public", heading: /^Sign in$/ },
  "/sign-up": { access: "public", heading: /^Create your workspace$/ },
  "/invite/[token]": { access: "public", heading: /^Join / },
  "/reset-password/[token]": { access: "public", heading: /^Reset link not available$/ },
  "/forgot-password": { access: "public", heading: /^Forgot your password\?$/ },
  "/meetings": { access: "member", heading: /^Meetings$/ },
  "/meetings/new": { access: "member", heading: /^New meeting$/ },
  "/meetings/[meetingId]": { access: "member", heading: /^Matrix meeting /, resource: true },
  "/meetings/[meetingId]/edit": { access: "member", heading: /^Edit: Matrix meeting /, resource: true },
  "/recordings": { access: "member", heading: /^Recordings$/ },
  "/profile": { access: "member", heading: /^Your profile$/ },
  "/workspaces/new": { access: "member", heading: /^New workspace$/ },
  "/settings": { access: "admin", heading: /^Settings$/ },
  "/settings/members": { access: "admin", heading: /^Members$/ },
  "/settings/sautikit": { access: "admin", heading: /^Sautikit connection$/ },
  "/settings/limits": { access: "admin", heading: /^Meeting time limits$/ },
  "/settings/privacy": { access: "admin", heading: /^Privacy$/ },
  "/admin/audit": { access: "admin", heading: /^Audit log$/ },
  "/admin/calls": { access: "admin", heading: /^Call log$/ },
  "/admin/spend": { access: "admin", heading: /^Spend$/ },
  "/admin/webhooks": { access: "admin", heading: /^Webhook log$/ },
};
// "/" only redirects: to /meetings when signed in, else to /sign-in (checked separately below).
const REDIRECT_ONLY = new Set(["/"]);

// Next streams the 403/404 boundaries in the RSC payload rather than as HTML <h1>, so match the body.
const FORBIDDEN_TEXT = "You don’t have access to this page";
const NOT_FOUND_TEXT = "We couldn’t find that page";

type Ctx = APIRequestContext;
let anonymous: Ctx;
let forgedCookie: Ctx;
let adminA: Ctx;
let organiserA: Ctx;
let adminB: Ctx;
let ids: { organiserMeeting: string; adminMeeting: string; inviteToken: string };

/** A brand-new workspace B, made the way a person makes one: the sign-up form. */
async function signedUpElsewhere(browser: Browser): Promise<Ctx> {
  const context = await browser.newContext({ baseURL: E2E_APP_URL });
  const page = await context.newPage();
  await signUp(page, account("Other Admin", "other", run), `Other ${run}`);
  const state = await context.storageState();
  await context.close();
  return request.newContext({ baseURL: E2E_APP_URL, storageState: state });
}

/** A real, unused invite to workspace A, created on the members page by its admin. */
async function inviteToA(browser: Browser): Promise<string> {
  const context = await browser.newContext({ baseURL: E2E_APP_URL, storageState: await adminA.storageState() });
  const invitePath = await createInvite(await context.newPage(), `invitee-${run}@e2e.mkutano.test`, "organiser");
  await context.close();
  return invitePath.split("/").pop()!;
}

function urlFor(pattern: string, meetingId: string): string {
  return pattern
    .replace("[meetingId]", meetingId)
    .replace(
      "[token]",
      pattern.startsWith("/invite/") ? ids.inviteToken : "no-such-reset-token-0000000000000000000000",
    );
}

type Seen = { status: number; location?: string; h1?: string; html: string };
async function open(ctx: Ctx, url: string): Promise<Seen> {
  const res = await ctx.get(url, { maxRedirects: 0 });
  const html = res.status() === 200 || res.status() >= 400 ? await res.text() : "";
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/
    .exec(html)?.[1]
    ?.replace(/<[^>]+>/g, "")
    .replace(/<!-- -->/g, "")
    .trim();
  return { status: res.status(), location: res.headers().location, h1, html };
}

const brief = ({ status, location, h1 }: Seen) => JSON.stringify({ status, location, h1 });

function expectSignInRedirect(seen: Seen, url: string, who: string): void {
  expect([302, 303, 307, 308], `${who} ${url}: ${brief(seen)}`).toContain(seen.status);
  const location = new URL(seen.location ?? "", E2E_APP_URL);
  expect(location.pathname, `${who} ${url}`).toBe("/sign-in");
  expect(location.searchParams.get("next"), `${who} ${url}`).toBe(url);
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  anonymous = await request.newContext({ baseURL: E2E_APP_URL });
  // A cookie with the session's name but no valid JWT: the proxy lets it through, the page refuses it.
  forgedCookie = await request.newContext({
    baseURL: E2E_APP_URL,
    extraHTTPHeaders: { cookie: "authjs.session-token=forged.not-a-jwt" },
  });
  adminA = await signedIn(DEMO_ADMIN);
  organiserA = await signedIn(DEMO_ORGANISER);
  adminB = await signedUpElsewhere(browser);
  ids = {
    organiserMeeting: await createMeeting(organiserA, `Matrix meeting ${run} (organiser)`),
    adminMeeting: await createMeeting(adminA, `Matrix meeting ${run} (admin)`),
    inviteToken: await inviteToA(browser),
  };
});

test.afterAll(async () => {
  await Promise.all([anonymous, forgedCookie, adminA, organiserA, adminB].map((c) => c?.dispose()));
});

test("every page of the app has a row in the matrix", () => {
  const pages = discoverPages().filter((p) => !REDIRECT_ONLY.has(p));
  expect(new Set(pages)).toEqual(new Set(Object.keys(ROWS)));
});

for (const [pattern, row] of Object.entries(ROWS)) {
  test(`${pattern} (${row.access})`, async () => {
    const url = urlFor(pattern, ids.adminMeeting);

    if (row.access === "public") {
      const seen = await open(anonymous, url);
      expect(seen.status, `anonymous ${url}: ${brief(seen)}`).toBe(200);
      expect(seen.h1, `anonymous ${url}`).toMatch(row.heading);
      return;
    }

    expectSignInRedirect(await open(anonymous, url), url, "anonymous");
    expectSignInRedirect(await open(forgedCookie, url), url, "forged session cookie");

    if (row.resource) {
      // Workspace A's meeting, asked for by the admin of workspace B: not found, never shown.
      const other = await open(adminB, url);
      expect(other.status, `admin of another workspace ${url}`).toBe(404);
      expect(other.html, `admin of another workspace ${url}`).toContain(NOT_FOUND_TEXT);
      expect(other.html, "nothing of the meeting leaks").not.toContain(`Matrix meeting ${run}`);
    }

    const organiser = await open(organiserA, urlFor(pattern, ids.organiserMeeting));
    if (row.access === "admin") {
      expect(organiser.status, `organiser ${url}`).toBe(403);
      expect(organiser.html, `organiser ${url}`).toContain(FORBIDDEN_TEXT);
      expect(organiser.h1 ?? "", `organiser ${url}`).not.toMatch(row.heading);
    } else {
      expect(organiser.status, `organiser ${url}: ${brief(organiser)}`).toBe(200);
      expect(organiser.h1, `organiser ${url}`).toMatch(row.heading);
    }

    const admin = await open(adminA, url);
    expect(admin.status, `admin ${url}: ${brief(admin)}`).toBe(200);
    expect(admin.h1, `admin ${url}`).toMatch(row.heading);
  });
}

test("/ sends visitors to sign-in and members to their meetings", async () => {
  const anon = await open(anonymous, "/");
  expect(anon.status).toBe(307);
  expect(new URL(anon.location!, E2E_APP_URL).pathname).toBe("/sign-in");
  const admin = await open(adminA, "/");
  expect(admin.status).toBe(307);
  expect(new URL(admin.location!, E2E_APP_URL).pathname).toBe("/meetings");
});

test("an unknown meeting id and a malformed one are 404 for a member, not an error", async () => {
  for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-uuid", "%27%20OR%201%3D1--"]) {
    const seen = await open(adminA, `/meetings/${id}`);
    expect(seen.status, `/meetings/${id}`).toBe(404);
    expect(seen.html).toContain(NOT_FOUND_TEXT);
  }
});

test("a signed-in visit to /sign-in?next=… never leaves the site", async () => {
  for (const next of [
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "/%09/evil.example",
    "https://evil.example",
    "/\u0100",
    "/settings?tab=members",
  ]) {
    const seen = await open(adminA, `/sign-in?next=${encodeURIComponent(next)}`);
    expect(seen.status, `next=${JSON.stringify(next)}`).toBe(307);
    // Resolved as the browser resolves it (WHATWG URL drops tabs and newlines, reads "\" as "/").
    expect(new URL(seen.location!, E2E_APP_URL).origin, `next=${JSON.stringify(next)} → ${seen.location}`).toBe(
      E2E_APP_URL,
    );
  }
});

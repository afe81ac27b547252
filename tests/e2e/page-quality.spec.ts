import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { discoverPages } from "./support/app-pages";
import { addPeople, callEveryone, createMeeting, seedDemoMeetings } from "./support/demo-meetings";
import { createInvite, DEMO_ADMIN, DEMO_ORGANISER, runTag, signIn } from "./support/fixtures";
import { E2E_APP_URL } from "./support/urls";

// Every page of the production build, as each audience sees it (signed out; the admin and an
// organiser, with meetings, a live roster and a recording to show), passes three checks:
//   - axe finds no serious or critical accessibility violation;
//   - at 390 px wide (a small phone) nothing scrolls sideways;
//   - the browser console stays clean: no error, no hydration warning, no uncaught exception.
// Pages are found on disk, so a new page without a row here fails the coverage test.

const run = runTag();

type Audience = "signed-out" | "admin" | "organiser";
/** Which audiences each page is checked for (pages another audience only redirects away from are left out). */
const PAGES: Record<string, Audience[]> = {
  "/sign-in": ["signed-out"],
  "/sign-up": ["signed-out"],
  "/forgot-password": ["signed-out"],
  "/invite/[token]": ["signed-out"],
  "/reset-password/[token]": ["signed-out"],
  "/meetings": ["admin", "organiser"],
  "/meetings/new": ["admin", "organiser"],
  "/meetings/[meetingId]": ["admin", "organiser"],
  "/meetings/[meetingId]/edit": ["admin", "organiser"],
  "/recordings": ["admin", "organiser"],
  "/profile": ["admin", "organiser"],
  "/workspaces/new": ["admin", "organiser"],
  "/settings": ["admin"],
  "/settings/members": ["admin"],
  "/settings/sautikit": ["admin"],
  "/settings/limits": ["admin"],
  "/settings/privacy": ["admin"],
  "/admin/audit": ["admin"],
  "/admin/calls": ["admin"],
  "/admin/spend": ["admin"],
  "/admin/webhooks": ["admin"],
};
const REDIRECT_ONLY = new Set(["/"]);

const contexts = {} as Record<Audience, BrowserContext>;
const ids = { adminMeeting: "", organiserMeeting: "", inviteToken: "" };

async function signedIn(browser: Browser, who: { email: string; password: string }): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: E2E_APP_URL });
  const page = await context.newPage();
  await signIn(page, who);
  await page.close();
  return context;
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  contexts["signed-out"] = await browser.newContext({ baseURL: E2E_APP_URL });
  contexts.admin = await signedIn(browser, DEMO_ADMIN);
  contexts.organiser = await signedIn(browser, DEMO_ORGANISER);
  ids.adminMeeting = (await seedDemoMeetings(contexts.admin.request, ` ${run}`)).live;
  ids.organiserMeeting = await createMeeting(contexts.organiser.request, `Youth group ${run}`, {
    waitForHost: false,
    endOnHostExit: false,
  });
  await addPeople(contexts.organiser.request, ids.organiserMeeting, [{ name: "Baraka" }, { name: "Zawadi" }]);
  await callEveryone(contexts.organiser.request, ids.organiserMeeting, 2);

  const page = await contexts.admin.newPage();
  ids.inviteToken = (await createInvite(page, `quality-${run}@e2e.mkutano.test`, "organiser")).split("/").pop()!;
  await page.close();
});

test.afterAll(async () => {
  await Promise.all(Object.values(contexts).map((c) => c?.close()));
});

test("every page of the app is in the list", () => {
  const pages = discoverPages().filter((p) => !REDIRECT_ONLY.has(p));
  expect(new Set(pages)).toEqual(new Set(Object.keys(PAGES)));
});

function urlFor(pattern: string, audience: Audience): string {
  return pattern
    .replace("[meetingId]", audience === "organiser" ? ids.organiserMeeting : ids.adminMeeting)
    .replace(
      "[token]",
      pattern.startsWith("/invite/") ? ids.inviteToken : "no-such-reset-token-0000000000000000000000",
    );
}

/** The elements that stick out past the right edge, for the failure message. */
function widest(page: Page): Promise<string> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    return [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((el) => el.getBoundingClientRect().right > limit + 1)
      .slice(-5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 4).join(".")}`)
      .join(" | ");
  });
}

for (const [pattern, audiences] of Object.entries(PAGES)) {
  for (const audience of audiences) {
    test(`${pattern} (${audience}): axe, 390 px and a clean console`, async () => {
      const page = await contexts[audience].newPage();
      const problems: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" || /hydrat/i.test(m.text())) problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
      const url = urlFor(pattern, audience);
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(200);
      await expect(page.locator("h1").first()).toBeVisible();

      const { violations } = await new AxeBuilder({ page }).analyze();
      const bad = violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      // Soft: one run reports all three checks of a page.
      expect.soft(bad, `axe on ${url}`).toEqual([]);

      await page.setViewportSize({ width: 390, height: 844 });
      await expect
        .soft(async () => {
          const width = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          if (width > 0) throw new Error(`${url} scrolls ${width} px sideways at 390 px: ${await widest(page)}`);
        })
        .toPass({ timeout: 5_000 });

      expect.soft(problems, `console on ${url}`).toEqual([]);
      await page.close();
    });
  }
}

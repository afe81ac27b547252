// npm run screenshots — retakes docs/screenshots/: the main pages (meetings list, a meeting with its
// live roster, the new-meeting form, recordings, settings) in English and Swahili, at desktop width
// and at 390 px (a small phone). Runs against a stack that is already up in local mode (`npm run
// dev`, or the e2e stack) with the demo accounts; it first makes the meetings it shows (one live
// with people on the call, one ended and recorded, one upcoming) through the app's own API.
//
//   SCREENSHOT_BASE_URL=http://127.0.0.1:3000 npm run screenshots
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { seedDemoMeetings } from "../tests/e2e/support/demo-meetings";
import { fail, say } from "./lib/output";

const BASE_URL = (process.env.SCREENSHOT_BASE_URL ?? "http://127.0.0.1:3000").replace(/\/+$/, "");
const OUT = path.resolve(import.meta.dirname, "../docs/screenshots");
const ADMIN = { email: "admin@demo.mkutano.local", password: "mkutano-admin-1" };
const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;
const LANGUAGES = { en: "English", sw: "Kiswahili" } as const;

async function signIn(page: Page): Promise<void> {
  await page.goto("/sign-in");
  await page.locator("#email").fill(ADMIN.email);
  await page.locator("#password").fill(ADMIN.password);
  await page.locator("#password").press("Enter");
  await page.waitForURL(/\/meetings$/);
}

/** Picks the language in the user menu (it is kept on the profile). */
async function switchLanguage(page: Page, language: keyof typeof LANGUAGES): Promise<void> {
  await page.goto("/profile");
  await page.getByTestId("user-menu").locator("button").first().click();
  await page.getByRole("button", { name: LANGUAGES[language], exact: true }).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const context = await browser.newContext({ baseURL: BASE_URL });
    const page = await context.newPage();
    await signIn(page);
    say("making the demo meetings (a live call takes a few seconds)…");
    const { live } = await seedDemoMeetings(context.request);
    const pages = {
      "meetings-list": "/meetings",
      "meeting-live-roster": `/meetings/${live}`,
      "new-meeting": "/meetings/new",
      recordings: "/recordings",
      settings: "/settings",
    };
    await mkdir(OUT, { recursive: true });
    for (const language of Object.keys(LANGUAGES) as (keyof typeof LANGUAGES)[]) {
      await switchLanguage(page, language);
      for (const [width, size] of Object.entries(WIDTHS)) {
        await page.setViewportSize(size);
        for (const [name, url] of Object.entries(pages)) {
          await page.goto(url);
          await page.locator("h1").first().waitFor();
          // Let the live roster's first push and the fonts settle before the picture.
          await page.waitForLoadState("load");
          const file = path.join(OUT, `${name}-${language}-${width}.png`);
          await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
          say(`wrote ${path.relative(process.cwd(), file)}`);
        }
      }
    }
    await switchLanguage(page, "en");
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  fail(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

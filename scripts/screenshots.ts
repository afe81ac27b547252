// npm run screenshots — retakes docs/screenshots/: the main pages (sign-in, meetings list, the
// new-meeting form, a meeting with its live roster, recordings, the admin call log and spend,
// settings) in English and Swahili, at desktop width (1280 px) and at 390 px (a small phone).
// Runs against a stack that is already up in local mode (`npm run dev`, or the e2e stack) with the
// demo accounts and the emulator; it first makes the meetings it shows through the app's own API:
// one live (people in the call, one muted, one still ringing, costs running), one ended and
// recorded, one upcoming. Phones are the emulator's: ordinary numbers answer by themselves, a
// "manual" number rings until someone answers it in the emulator's console.
//
//   SCREENSHOT_BASE_URL=http://127.0.0.1:3000 npm run screenshots
import { mkdir, readdir, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { chromium, expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { addPeople, roster, seedDemoMeetings } from "../tests/e2e/support/demo-meetings";
import { fail, say } from "./lib/output";

const BASE_URL = (process.env.SCREENSHOT_BASE_URL ?? "http://127.0.0.1:3000").replace(/\/+$/, "");
const OUT = path.resolve(import.meta.dirname, "../docs/screenshots");
const ADMIN = { email: "admin@demo.mkutano.local", password: "mkutano-admin-1" };
const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;
const LANGUAGES = ["en", "sw"] as const;
type Language = (typeof LANGUAGES)[number];
// The emulator's manual numbers (+254 700 000 500–599) ring until answered in its console.
const RINGING_PHONE = "+254700000501";
// Pages taller than this are cut here: the top of a page says what it is, and the files stay small.
const MAX_HEIGHT = { desktop: 2200, phone: 3200 } as const;

type RosterPeople = {
  people: { name: string; state: string; muted: boolean; currentLegId: string | null; participantId: string | null }[];
};

async function signIn(page: Page): Promise<void> {
  await page.goto("/sign-in");
  await page.locator("#email").fill(ADMIN.email);
  await page.locator("#password").fill(ADMIN.password);
  await page.locator("#password").press("Enter");
  await page.waitForURL(/\/meetings$/);
}

/** Picks the language on the profile page (it is kept on the user). */
async function switchLanguage(page: Page, language: Language): Promise<void> {
  await page.goto("/profile");
  await page.getByTestId(`profile-language-${language}`).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

const people = async (request: APIRequestContext, meetingId: string) =>
  ((await roster(request, meetingId)) as unknown as RosterPeople).people;

/** The live meeting as a roster worth looking at: one person muted and one phone still ringing. */
async function liveRoster(request: APIRequestContext, meetingId: string): Promise<void> {
  const amina = (await people(request, meetingId)).find((p) => p.name === "Amina Odhiambo");
  if (amina?.currentLegId && !amina.muted) {
    const muted = await request.post(`/api/meetings/${meetingId}/legs/${amina.currentLegId}/mute`);
    expect(muted.status(), await muted.text()).toBe(200);
  }
  await addPeople(request, meetingId, [{ name: "Otieno Wafula", phone: RINGING_PHONE }]);
  await expect
    .poll(async () => (await people(request, meetingId)).some((p) => p.name === "Amina Odhiambo" && p.muted), {
      timeout: 30_000,
    })
    .toBe(true);
}

/** Rings Otieno's phone (again, if an earlier ring has ended) and waits until the roster says so. */
async function keepRinging(request: APIRequestContext, meetingId: string): Promise<void> {
  const otieno = (await people(request, meetingId)).find((p) => p.name === "Otieno Wafula")!;
  if (otieno.state === "ringing") return;
  const dialled = await request.post(`/api/meetings/${meetingId}/participants/${otieno.participantId}/dial`);
  expect(dialled.status(), await dialled.text()).toBe(200);
  await expect
    .poll(async () => (await people(request, meetingId)).find((p) => p.name === "Otieno Wafula")?.state, {
      timeout: 30_000,
    })
    .toBe("ringing");
}

async function shoot(page: Page, name: string, language: Language, width: keyof typeof WIDTHS): Promise<void> {
  await page.locator("h1").first().waitFor();
  await page.waitForLoadState("load");
  // The live roster once its push stream is connected (not the "refreshing every 2 s" fallback).
  const feed = page.getByTestId("roster-feed");
  if (await feed.count()) await expect(feed).toHaveAttribute("data-streaming", "true", { timeout: 15_000 });
  // Fonts and the live roster's first push settle before the picture.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const file = path.join(OUT, `${name}-${language}-${width}.png`);
  await page.screenshot({
    path: file,
    animations: "disabled",
    caret: "hide",
    ...(height > MAX_HEIGHT[width]
      ? { fullPage: true, clip: { x: 0, y: 0, width: WIDTHS[width].width, height: MAX_HEIGHT[width] } }
      : { fullPage: true }),
  });
  say(`wrote ${path.relative(process.cwd(), file)} (${Math.round((await stat(file)).size / 1024)} KB)`);
}

/** Signed out: the sign-in page in each language (the language comes from the browser's). */
async function signInPages(browser: Browser): Promise<void> {
  for (const language of LANGUAGES) {
    for (const [width, size] of Object.entries(WIDTHS) as [keyof typeof WIDTHS, (typeof WIDTHS)["desktop"]][]) {
      const context = await browser.newContext({ baseURL: BASE_URL, viewport: size, locale: language });
      const page = await context.newPage();
      await page.goto("/sign-in");
      await shoot(page, "sign-in", language, width);
      await context.close();
    }
  }
}

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    await mkdir(OUT, { recursive: true });
    for (const old of await readdir(OUT)) if (old.endsWith(".png")) await unlink(path.join(OUT, old));
    await signInPages(browser);
    const context = await browser.newContext({ baseURL: BASE_URL });
    const page = await context.newPage();
    await signIn(page);
    say("making the demo meetings (a live call takes a few seconds)…");
    const { live } = await seedDemoMeetings(context.request);
    await liveRoster(context.request, live);
    const pages = {
      "meetings-list": "/meetings",
      "new-meeting": "/meetings/new",
      "meeting-live-roster": `/meetings/${live}`,
      recordings: "/recordings",
      "admin-call-log": "/admin/calls",
      "admin-spend": "/admin/spend",
      settings: "/settings",
    };
    for (const language of LANGUAGES) {
      await switchLanguage(page, language);
      for (const [width, size] of Object.entries(WIDTHS) as [keyof typeof WIDTHS, (typeof WIDTHS)["desktop"]][]) {
        await page.setViewportSize(size);
        for (const [name, url] of Object.entries(pages)) {
          if (url === pages["meeting-live-roster"]) await keepRinging(context.request, live);
          await page.goto(url);
          await shoot(page, name, language, width);
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

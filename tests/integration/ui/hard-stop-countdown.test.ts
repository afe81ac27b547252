import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { bundleProbe, type ProbeStage, startProbeStage } from "./support/probe-page";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compiledNamespace } from "@/lib/i18n/compile-messages";
import type { Locale } from "@/lib/i18n/locales";

// The roster's hard-stop countdown (ADR 0021) in a real browser with the real catalogs: hidden
// until 5 minutes before the stop, then a live timer, one announcement for screen readers, and
// Extend, which moves the stop (the test's server stands in for the app) until the maximum.

const ENTRY = fileURLToPath(new URL("./support/countdown-probe.tsx", import.meta.url));
const MINUTE = 60_000;

let stage: ProbeStage;
let browser: Browser;
let origin = "";
let script = "";
let roster = { hardStopAt: 0, canExtend: true };
let extends_ = 0;

beforeAll(async () => {
  script = await bundleProbe(ENTRY);
  stage = await startProbeStage((req, res) => {
    const json = (body: unknown) =>
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (req.url === "/probe.js") res.writeHead(200, { "content-type": "text/javascript" }).end(script);
    else if (req.url === "/roster") json(roster);
    else if (req.url === "/api/meetings/m1/extend" && req.method === "POST") {
      extends_++;
      // One 15-minute step, and this one reaches the workspace maximum.
      roster = { hardStopAt: roster.hardStopAt + 15 * MINUTE, canExtend: false };
      json({ extended: true, stopAt: roster.hardStopAt, addedMinutes: 15, atMaximum: true });
    } else res.writeHead(404).end();
  });
  ({ origin, browser } = stage);
}, 30_000);

afterAll(() => stage?.stop());

/** A page whose clock stands at `start`, showing a meeting that stops at `hardStopAt`. */
async function open(locale: Locale, start: number, hardStopAt: number): Promise<Page> {
  roster = { hardStopAt, canExtend: true };
  const page = await browser.newPage();
  // Installed a minute early: under load the page clock may move on before the pause.
  await page.clock.install({ time: start - 60_000 });
  await page.clock.pauseAt(start);
  const messages = compiledNamespace(locale, "Roster");
  await page.route(`${origin}/`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<html lang="${locale}"><div id="root"></div><script>window.probeConfig=${JSON.stringify({
        locale,
        messages,
        hardStopAt,
        canExtend: true,
      })}</script><script type="module" src="/probe.js"></script></html>`,
    }),
  );
  await page.goto(origin);
  return page;
}

describe("hard-stop countdown", () => {
  it("appears 5 minutes before the stop, counts down, is announced once, and Extend moves the stop", async () => {
    const start = Date.parse("2026-12-03T09:00:00Z");
    const stop = start + 6 * MINUTE;
    const page = await open("en", start, stop);
    const countdown = page.getByTestId("hard-stop-countdown");
    const announcer = page.getByTestId("hard-stop-announcer");
    await expect.poll(() => page.locator("#root").count()).toBe(1);
    await page.clock.runFor(30_000);
    await expect.poll(() => countdown.count()).toBe(0);
    expect(await announcer.textContent()).toBe("");

    // One minute on: 5 minutes left.
    await page.clock.runFor(30_000);
    await expect.poll(() => countdown.count()).toBe(1);
    expect(await page.getByRole("timer").textContent()).toBe("Ends in 5:00");
    const said = "This meeting ends automatically in 5 minutes. A host can extend it.";
    expect(await announcer.textContent()).toBe(said);
    await page.clock.runFor(61_000);
    await expect.poll(() => page.getByRole("timer").textContent()).toBe("Ends in 3:59");
    // The announcement is not repeated as the timer runs.
    expect(await announcer.textContent()).toBe(said);

    await page.getByRole("button", { name: "Extend the meeting by 15 minutes" }).click();
    await expect.poll(() => extends_).toBe(1);
    // 19 minutes left: out of the window, so the countdown goes away; the toast says the new end.
    await expect.poll(() => countdown.count()).toBe(0);
    await expect
      .poll(() => page.getByTestId("status-message").textContent())
      .toMatch(/^Extended: the meeting now ends at /);

    // Back within 5 minutes of the new stop: shown again, at the maximum, with no Extend.
    await page.clock.runFor(15 * MINUTE);
    await expect.poll(() => countdown.count()).toBe(1);
    expect(await countdown.textContent()).toContain("It has reached the longest length this workspace allows.");
    expect(await page.getByRole("button", { name: /Extend/ }).count()).toBe(0);
    await page.close();
  }, 30_000);

  it("speaks Swahili on a Swahili page", async () => {
    const start = Date.parse("2026-12-03T09:00:00Z");
    const page = await open("sw", start, start + 2 * MINUTE);
    await expect.poll(() => page.getByRole("timer").textContent()).toBe("Unaisha baada ya 2:00");
    expect(await page.getByTestId("hard-stop-announcer").textContent()).toBe(
      "Mkutano huu utaisha wenyewe baada ya dakika 2. Mwenyeji anaweza kuongeza muda.",
    );
    expect(await page.getByRole("button", { name: "Ongeza muda wa mkutano kwa dakika 15" }).count()).toBe(1);
    await page.close();
  }, 30_000);
});

// A real browser for the benchmarks: Debian's chromium driven by Playwright (as the e2e suite runs
// it), signed in with the session cookie the app's own Auth.js endpoints hand out.
import { type Browser, type BrowserContext, chromium } from "@playwright/test";
import { CHROMIUM_ARGS as E2E_CHROMIUM_ARGS } from "@/playwright.config";
import { Client } from "@/tests/integration/reliability/support/http-client";

// The e2e suite's flags, plus: performance.memory reports real (not bucketed) heap sizes only with this one.
const CHROMIUM_ARGS = [...E2E_CHROMIUM_ARGS, "--enable-precise-memory-info"];

export type SignedInBrowser = { browser: Browser; context: BrowserContext; client: Client; close(): Promise<void> };

export async function signedInBrowser(appUrl: string, email: string, password: string): Promise<SignedInBrowser> {
  const client = new Client(appUrl);
  const res = await client.signIn(email, password);
  if (res.status !== 302 || !res.headers.get("location")?.endsWith("/meetings")) {
    throw new Error(`bench sign-in failed: ${res.status} ${res.headers.get("location")}`);
  }
  const browser = await chromium.launch({
    executablePath: process.env.BENCH_CHROMIUM ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const cookies = client
      .cookieHeader()
      .split("; ")
      .filter(Boolean)
      .map((pair) => {
        const i = pair.indexOf("=");
        return {
          name: pair.slice(0, i),
          value: pair.slice(i + 1),
          url: appUrl,
          httpOnly: true,
          sameSite: "Lax" as const,
        };
      });
    await context.addCookies(cookies);
    return { browser, context, client, close: () => browser.close() };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/** Wall-clock milliseconds with sub-millisecond resolution (comparable with the page's, see below). */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

import http from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

// The meeting page's live roster (useMeetingRoster: SWR + Server-Sent Events) in a real browser,
// against a local server whose roster fetches and pushes the test releases by hand. Guards the
// ordering promise: an older fetch response never replaces a newer pushed snapshot.

const ENTRY = fileURLToPath(new URL("./support/roster-probe.tsx", import.meta.url));

const snapshot = (version: string) => ({
  meeting: { id: "m1", status: "live", locked: false, startedAt: null, endedAt: null, capacity: 10 },
  people: [],
  serverNow: Date.now(),
  version,
});

type Held = { respond(version: string): void };

let server: http.Server;
let browser: Browser;
let page: Page;
let origin = "";
let script = "";
/** Roster GETs the browser made that have not been answered yet, oldest first. */
let held: Held[] = [];
let fetches = 0;
let stream: http.ServerResponse | null = null;

function push(version: string) {
  stream!.write(`event: roster\ndata: ${JSON.stringify(snapshot(version))}\n\n`);
}

async function until(check: () => boolean, what: string, ms = 5_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const shown = () => page.locator("#probe");

beforeAll(async () => {
  const out = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    jsx: "automatic",
    logLevel: "silent",
    define: { "process.env.NODE_ENV": '"production"' },
  });
  script = out.outputFiles[0]!.text;
  server = http.createServer((req, res) => {
    if (req.url === "/") {
      res.writeHead(200, { "content-type": "text/html" }).end('<div id="root"></div><script type="module" src="/probe.js"></script>');
    } else if (req.url === "/probe.js") {
      res.writeHead(200, { "content-type": "text/javascript" }).end(script);
    } else if (req.url === "/api/meetings/m1/roster") {
      fetches++;
      held.push({ respond: (v) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(snapshot(v))) });
    } else if (req.url === "/api/meetings/m1/stream") {
      // A long reconnect delay, so a stream the test closes stays down while polling is checked.
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store" }).write("retry: 60000\n\n");
      stream = res;
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
}, 30_000);

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
});

beforeEach(async () => {
  held = [];
  fetches = 0;
  stream = null;
  await page?.close();
  page = await browser.newPage();
  await page.goto(origin);
  await expect.poll(() => shown().textContent()).toBe("v1");
  // The mount revalidation is in flight and held; the stream is open.
  await until(() => held.length === 1 && stream !== null, "the mount fetch and the stream");
  await expect.poll(() => shown().getAttribute("data-streaming")).toBe("true");
});

describe("useMeetingRoster in a browser", () => {
  it("never lets a fetch that started before a push overwrite the pushed snapshot", async () => {
    push("v3");
    await expect.poll(() => shown().textContent()).toBe("v3");
    const answered = page.waitForResponse((r) => r.url().endsWith("/roster"));
    held.shift()!.respond("v2");
    await answered;
    // Give the browser time to apply the stale response, if it were going to.
    await page.waitForTimeout(300);
    expect(await shown().textContent()).toBe("v3");
  }, 20_000);

  it("shows a fetch that answers with no push after it started", async () => {
    held.shift()!.respond("v2");
    await expect.poll(() => shown().textContent()).toBe("v2");
  }, 20_000);

  it("does not poll while the stream is up, and polls every 2 s while it is down", async () => {
    held.shift()!.respond("v1");
    await page.waitForTimeout(2_500);
    expect(fetches).toBe(1);
    stream!.end();
    await expect.poll(() => shown().getAttribute("data-streaming")).toBe("false");
    await until(() => held.length === 1, "a polling fetch", 4_000);
    held.shift()!.respond("v4");
    await expect.poll(() => shown().textContent()).toBe("v4");
    await until(() => held.length === 1, "the next polling fetch", 4_000);
    held.shift()!.respond("v5");
    await expect.poll(() => shown().textContent()).toBe("v5");
  }, 20_000);
});

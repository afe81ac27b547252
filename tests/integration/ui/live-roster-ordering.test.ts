import { EventEmitter, once } from "node:events";
import { fileURLToPath } from "node:url";
import type { ServerResponse } from "node:http";
import type { Browser, Page } from "playwright-core";
import { bundleProbe, type ProbeStage, startProbeStage } from "./support/probe-page";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

// The meeting page's live roster (useMeetingRoster: the live-data entry + Server-Sent Events) in a real browser,
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

let stage: ProbeStage;
let browser: Browser;
let page: Page;
let origin = "";
let script = "";
/** Roster GETs the browser made that have not been answered yet, oldest first. */
let held: Held[] = [];
let fetches = 0;
let stream: ServerResponse | null = null;
let streamsOpened = 0;

function push(version: string) {
  stream!.write(`event: roster\ndata: ${JSON.stringify(snapshot(version))}\n\n`);
}

/** Fires whenever the server takes a roster fetch or a stream, so waits react to it instead of polling. */
const serverSaw = new EventEmitter();

async function until(check: () => boolean, what: string) {
  const signal = AbortSignal.timeout(5_000);
  while (!check()) {
    await once(serverSaw, "request", { signal }).catch(() => {
      throw new Error(`timed out waiting for ${what}`);
    });
  }
}

const pageFetches = () => page.evaluate(() => (window as unknown as { rosterFetches: number }).rosterFetches);

/**
 * Moves the paused page clock on in 500 ms steps until the page starts a roster fetch (≤ 4 s of page
 * time), then waits for the server to hold it.
 */
async function advanceToPoll(what: string) {
  const before = await pageFetches();
  const started = async () => held.length > 0 || (await pageFetches()) > before;
  for (let step = 0; step < 8 && !(await started()); step++) await page.clock.runFor(500);
  if (!(await started())) throw new Error(`no ${what} within 4 s of page time`);
  await until(() => held.length === 1, what);
}

/** Answers the oldest held roster fetch with `version` and waits for the page to show it. */
async function answerAndShow(version: string) {
  held.shift()!.respond(version);
  await expect.poll(() => shown().textContent()).toBe(version);
}

/** Answers the mount fetch with what the page already shows, and waits until no fetch is in flight. */
async function settleMountFetch() {
  held.shift()!.respond("v1");
  await expect.poll(() => shown().getAttribute("data-validating")).toBe("false");
}

const shown = () => page.locator("#probe");

beforeAll(async () => {
  script = await bundleProbe(ENTRY);
  stage = await startProbeStage((req, res) => {
    if (req.url === "/") {
      res
        .writeHead(200, { "content-type": "text/html" })
        .end('<div id="root"></div><script type="module" src="/probe.js"></script>');
    } else if (req.url === "/probe.js") {
      res.writeHead(200, { "content-type": "text/javascript" }).end(script);
    } else if (req.url === "/api/meetings/m1/roster") {
      fetches++;
      held.push({
        respond: (v) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(snapshot(v))),
      });
      serverSaw.emit("request");
    } else if (req.url === "/api/meetings/m1/stream") {
      // A long reconnect delay, so a stream the test closes stays down while polling is checked.
      res
        .writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store" })
        .write("retry: 60000\n\n");
      stream = res;
      streamsOpened++;
      serverSaw.emit("request");
    } else {
      res.writeHead(404).end();
    }
  });
  ({ origin, browser } = stage);
}, 30_000);

afterAll(() => stage?.stop());

beforeEach(async () => {
  held = [];
  fetches = 0;
  stream = null;
  streamsOpened = 0;
  await page?.close();
  page = await browser.newPage();
  // The page's clock is Playwright's (it flows normally until a test pauses it), so the polling
  // test can run seconds of timers at once instead of waiting for them.
  await page.clock.install();
  // Counts roster fetches as the page starts them (synchronously, inside the timer that polls), so
  // "no poll happened" can be read right after the clock ran, without waiting for the network.
  await page.addInitScript(() => {
    const w = window as unknown as { rosterFetches: number };
    w.rosterFetches = 0;
    const original = window.fetch.bind(window);
    window.fetch = (input, init) => {
      if (String(input instanceof Request ? input.url : input).endsWith("/roster")) w.rosterFetches++;
      return original(input, init);
    };
  });
  await page.goto(origin);
  await expect.poll(() => shown().textContent()).toBe("v1");
  // The mount revalidation is in flight and held; the stream is open.
  await until(() => held.length === 1 && stream !== null, "the mount fetch and the stream");
  await expect.poll(() => shown().getAttribute("data-streaming")).toBe("true");
});

describe("useMeetingRoster in a browser", { timeout: 20_000 }, () => {
  it("never lets a fetch that started before a push overwrite the pushed snapshot", async () => {
    push("v3");
    await expect.poll(() => shown().textContent()).toBe("v3");
    const answered = page.waitForResponse((r) => r.url().endsWith("/roster"));
    held.shift()!.respond("v2");
    await answered;
    // The hook has processed the stale response (applied or discarded it) once no fetch is in flight.
    await expect.poll(() => shown().getAttribute("data-validating")).toBe("false");
    expect(await shown().textContent()).toBe("v3");
  });

  it("after an action, a fresh fetch supersedes the one in flight, whose later answer is dropped", async () => {
    await page.evaluate(() => (window as unknown as { refetchRoster: () => void }).refetchRoster());
    await until(() => held.length === 2, "the action's fetch");
    const [older, newer] = held.splice(0, 2);
    newer!.respond("v3");
    await expect.poll(() => shown().textContent()).toBe("v3");
    const answered = page.waitForResponse((r) => r.url().endsWith("/roster"));
    older!.respond("v2");
    await answered;
    await expect.poll(() => shown().getAttribute("data-validating")).toBe("false");
    expect(await shown().textContent()).toBe("v3");
  });

  it("shows a fetch that answers with no push after it started", async () => {
    await answerAndShow("v2");
  });

  it("does not poll while the stream is up, and polls every 2 s while it is down", async () => {
    await settleMountFetch();
    // Freeze the page's time, then run 5 s of its timers at once: with the stream up, no poll. (Two
    // intervals: a poll is timed from the previous fetch's answer.)
    await page.clock.pauseAt(Date.now() + 1_000);
    await page.clock.runFor(5_000);
    expect(await pageFetches()).toBe(1);
    expect(fetches).toBe(1);
    stream!.end();
    await expect.poll(() => shown().getAttribute("data-streaming")).toBe("false");
    await advanceToPoll("a polling fetch");
    await answerAndShow("v4");
    await advanceToPoll("the next polling fetch");
    await answerAndShow("v5");
  });

  it("opens the next stream at once when the server ends one with `event: reconnect`, never showing a gap", async () => {
    await settleMountFetch();
    // Record every value data-streaming takes from here on.
    await page.evaluate(() => {
      const w = window as unknown as { streamingLog: string[] };
      w.streamingLog = [];
      new MutationObserver(() =>
        w.streamingLog.push(String(document.getElementById("probe")!.getAttribute("data-streaming"))),
      ).observe(document.getElementById("probe")!, { attributes: true });
    });
    const first = stream!;
    first.write("event: reconnect\ndata: {}\n\n");
    first.end();
    // The stream's own retry delay is a minute: only the hook's reconnect can open a new one this soon.
    await until(() => streamsOpened === 2 && stream !== first, "the next stream");
    push("v7");
    await expect.poll(() => shown().textContent()).toBe("v7");
    expect(await page.evaluate(() => (window as unknown as { streamingLog: string[] }).streamingLog)).not.toContain(
      "false",
    );
    expect(await shown().getAttribute("data-streaming")).toBe("true");
    expect(fetches).toBe(1);
  });

  it("stops streaming (and does not reconnect) on `event: denied`", async () => {
    held.shift()!.respond("v1");
    const first = stream!;
    first.write("event: denied\ndata: {}\n\n");
    first.end();
    await expect.poll(() => shown().getAttribute("data-streaming")).toBe("false");
    // Polling takes over (and would surface the 401); no new stream is opened.
    await advanceToPoll("a polling fetch");
    expect(streamsOpened).toBe(1);
  });
});

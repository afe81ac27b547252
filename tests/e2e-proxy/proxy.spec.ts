import { readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { expect, test, type Page, type Response } from "@playwright/test";
import { answerAndConfirm } from "../support/confirm-answer";
import { PROXY_EMULATOR_URL, PROXY_LAYOUT, STACK_FILE, type StackInfo } from "./support/layout";
import { renderSiteConfig } from "./support/nginx-config";

// The documented deployment, proven: two production instances on one PostgreSQL behind nginx with
// TLS, gzip and round robin (docs/nginx/mkutano.conf). An organiser signs in over https, calls
// people, and phones answered through the emulator show up live on a roster whose event stream is
// held by the OTHER instance than the one that received Sautikit's webhooks; the stream outlives
// the proxy's idle timeout; and when the stream's instance is killed the browser moves to the
// survivor without losing an update.

const stack = (): StackInfo => JSON.parse(readFileSync(STACK_FILE, "utf8")) as StackInfo;
const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const suffix = Math.floor(Math.random() * 25);
const phones = {
  host: `+2547000005${String(suffix).padStart(2, "0")}`,
  amina: `+2547000005${String(suffix + 25).padStart(2, "0")}`,
  baraka: `+2547000005${String(suffix + 50).padStart(2, "0")}`,
};
const CALL = { timeout: 30_000 };
const STREAM = /\/api\/meetings\/[^/]+\/stream$/;

type EmulatorPhone = { e164: string; state: string; room: string | null; transcript: { text: string }[] };

async function emulator<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${PROXY_EMULATOR_URL}/_emulator${path}`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status, `${method} ${path}: ${res.status}`).toBeLessThan(300);
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

const phoneNow = async (e164: string) =>
  (await emulator<{ phones: EmulatorPhone[] }>("GET", "/state")).phones.find((p) => p.e164 === e164);

/** Answers a ringing manual phone, confirms the join (press 1) and waits until it is in the room. */
async function answerAndJoin(e164: string): Promise<void> {
  await expect.poll(async () => (await phoneNow(e164))?.state, CALL).toBe("ringing");
  await answerAndConfirm(PROXY_EMULATOR_URL, e164);
  await expect.poll(async () => ((await phoneNow(e164))?.room ? "in room" : "not yet"), CALL).toBe("in room");
}

function portRefuses(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

type AccessLine = { at: number; started: number; method: string; uri: string; status: number; upstream: string };

function accessLog(): AccessLine[] {
  return readFileSync(stack().accessLog, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [msec, method, uri, status, upstream, requestTime] = line.split(" ");
      const at = Math.round(Number(msec) * 1000);
      // nginx logs when a request ends; $request_time gives back when it arrived.
      return {
        at,
        started: at - Math.round(Number(requestTime) * 1000),
        method: method!,
        uri: uri!,
        status: Number(status),
        upstream: upstream!,
      };
    });
}

/** Re-renders the site config (instances marked down, …) and reloads nginx gracefully. */
async function reloadNginx(page: Page, downPorts: number[]): Promise<void> {
  const info = stack();
  writeFileSync(
    path.join(PROXY_LAYOUT.dir, "mkutano.conf"),
    renderSiteConfig(PROXY_LAYOUT, {
      downPorts,
      streamReadTimeout: "20s",
      upstreamHeader: true,
      breakStreaming: info.breakStreaming,
    }),
  );
  process.kill(info.nginxPid, "SIGHUP");
  // New workers take over within moments; wait until several fresh requests avoid the down ones.
  await expect
    .poll(async () => {
      const seen = new Set<string>();
      for (let i = 0; i < 4; i++) {
        // A kept-alive connection to an old worker may be closed under us during the reload.
        const res = await page.request.get("/api/health").catch(() => undefined);
        seen.add(res?.headers()["x-mkutano-upstream"] ?? "?");
      }
      if (seen.has("?")) return true;
      return [...seen].some((u) => downPorts.some((p) => u.endsWith(`:${p}`)));
    })
    .toBe(false);
}

/** Records, in the page, when each roster row changes state (for the 1 s fan-out check). */
async function recordRowChanges(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __rowChanges: { person: string; state: string; at: number }[] };
    w.__rowChanges = [];
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target as HTMLElement;
        if (el.dataset.testid === "roster-row")
          w.__rowChanges.push({ person: el.dataset.person ?? "", state: el.dataset.state ?? "", at: Date.now() });
      }
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
  });
}

const rowChanges = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __rowChanges: { person: string; state: string; at: number }[] }).__rowChanges,
  );

const row = (page: Page, name: string) => page.locator(`[data-testid="roster-row"][data-person="${name}"]`);

test("two instances behind nginx: secure sign-in, gzip, a live roster across instances, heartbeats and failover", async ({
  page,
}) => {
  const streamResponses: Response[] = [];
  page.on("response", (r) => {
    if (STREAM.test(new URL(r.url()).pathname)) streamResponses.push(r);
  });
  const failedResponses: string[] = [];
  page.on("response", (r) => {
    if (r.status() >= 400 && !new URL(r.url()).pathname.startsWith("/favicon"))
      failedResponses.push(`${r.status()} ${r.url()}`);
  });

  // Sign in through the proxy: the session cookie is a Secure, __Secure- prefixed one.
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill("admin@demo.mkutano.local");
  await page.getByLabel("Password", { exact: true }).fill("mkutano-admin-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/meetings$/);
  const session = (await page.context().cookies()).find((c) => /session-token/.test(c.name));
  expect(session, "a session cookie").toBeTruthy();
  expect(session!.secure).toBe(true);
  expect(session!.name.startsWith("__Secure-")).toBe(true);

  // gzip on for HTML and JSON.
  const html = await page.request.get("/meetings", { headers: { "accept-encoding": "gzip" } });
  expect(html.status()).toBe(200);
  expect(html.headers()["content-type"]).toContain("text/html");
  expect(html.headers()["content-encoding"]).toBe("gzip");

  // A meeting with a host and two people (manual phones: they ring until answered).
  await page.getByRole("link", { name: "New meeting" }).first().click();
  await page.getByLabel("Title", { exact: true }).fill(`Proxy check ${run}`);
  await page.getByRole("button", { name: "Schedule meeting" }).click();
  await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const meetingPath = new URL(page.url()).pathname;
  await page
    .getByLabel("One person per line")
    .fill(
      [`Halima Host, ${phones.host}, host`, `Amina Odhiambo, ${phones.amina}`, `Baraka Otieno, ${phones.baraka}`].join(
        "\n",
      ),
    );
  await page.getByRole("button", { name: "Add all" }).click();
  await expect(page.getByTestId("roster-row")).toHaveCount(3);
  const roster = await page.request.get(`/api${meetingPath}/roster`, { headers: { "accept-encoding": "gzip" } });
  expect(roster.headers()["content-type"]).toContain("application/json");
  expect(roster.headers()["content-encoding"]).toBe("gzip");

  // The roster's event stream: not compressed, and held by one instance (S).
  await expect(page.getByText("Live updates on")).toBeVisible();
  await expect.poll(() => streamResponses.length).toBeGreaterThan(0);
  const stream = streamResponses.at(-1)!;
  expect(stream.headers()["content-type"]).toContain("text/event-stream");
  expect(stream.headers()["content-encoding"]).toBeUndefined();
  const streamUpstream = stream.headers()["x-mkutano-upstream"]!;
  const info = stack();
  const held = info.instances.find((i) => streamUpstream.endsWith(`:${i.port}`));
  expect(held, `stream upstream ${streamUpstream}`).toBeTruthy();
  const other = info.instances.find((i) => i !== held)!;

  // From here on nginx sends every NEW request to the other instance (the open stream stays where
  // it is): each webhook lands on the other instance, and only cross-instance fan-out can update
  // this roster.
  await reloadNginx(page, [held!.port]);
  await recordRowChanges(page);
  const since = Date.now();
  await page.getByRole("button", { name: "Call everyone" }).click();
  for (const name of ["Halima Host", "Amina Odhiambo", "Baraka Otieno"])
    await expect(row(page, name)).toHaveAttribute("data-state", "ringing", CALL);
  // Baraka declines for now; he is re-dialled after the failover below.
  await emulator("POST", `/phones/${encodeURIComponent(phones.baraka)}/decline`);
  await expect(row(page, "Baraka Otieno")).toHaveAttribute("data-state", "left", CALL);
  await answerAndJoin(phones.amina);
  await expect(row(page, "Amina Odhiambo")).toHaveAttribute("data-state", "waiting", CALL);
  await answerAndJoin(phones.host);
  await expect(row(page, "Halima Host")).toHaveAttribute("data-state", "in_call", CALL);
  await expect(row(page, "Amina Odhiambo")).toHaveAttribute("data-state", "in_call", CALL);
  expect(streamResponses.length, "the stream was never re-opened").toBe(1);

  const webhooks = accessLog().filter((l) => l.started >= since && l.uri.startsWith("/api/sautikit/"));
  expect(webhooks.length).toBeGreaterThan(3);
  // Signatures verified through the proxy (no 401), and every webhook went to the other instance.
  expect(
    webhooks.filter((l) => l.status !== 200 && l.status !== 204),
    JSON.stringify(webhooks),
  ).toEqual([]);
  expect(
    webhooks.every((l) => l.upstream.endsWith(`:${other.port}`)),
    JSON.stringify(webhooks),
  ).toBe(true);
  // Within 1 s: every conference event (a join, the start) shows on the roster at most 1 s after it
  // reached nginx — each is followed by a row changing to waiting or in call within that window.
  const conferenceStarts = webhooks.filter((l) => l.uri.endsWith("/conference/events")).map((l) => l.started);
  const changes = (await rowChanges(page)).filter((c) => c.state === "waiting" || c.state === "in_call");
  expect(conferenceStarts.length).toBeGreaterThanOrEqual(2);
  for (const start of conferenceStarts) {
    const shown = changes.filter((c) => c.at >= start && c.at - start <= 1000);
    expect(
      shown.length,
      `the conference event at ${start} on the roster within 1 s: ${JSON.stringify({ conferenceStarts, changes })}`,
    ).toBeGreaterThan(0);
  }

  // Heartbeats keep the stream open past the proxy's idle timeout (20 s in this pass): nothing
  // happens for 30 s, and the browser never has to reconnect. Waiting on the page's own clock of
  // events, not a sleep: the stream's response count must stay at one while the timeout elapses.
  const quietFrom = Date.now();
  await expect
    .poll(() => (Date.now() - quietFrom > 30_000 ? streamResponses.length : -1), { timeout: 45_000, intervals: [1000] })
    .toBe(1);
  await expect(page.getByText("Live updates on")).toBeVisible();

  // Failover: both instances back in rotation, then the stream's instance dies. The browser moves
  // to the survivor; a phone answered meanwhile is on the roster (no lost update), and nothing
  // worse than the brief polling notice is shown.
  await reloadNginx(page, []);
  process.kill(-held!.pid, "SIGKILL");
  // Once its port refuses connections nginx moves every request on; a click racing the dying
  // process would get the 502 a real user would see and retry.
  await expect.poll(() => portRefuses(held!.port)).toBe(true);
  await page.getByRole("button", { name: "Re-dial Baraka Otieno" }).click();
  await answerAndJoin(phones.baraka);
  await expect(row(page, "Baraka Otieno")).toHaveAttribute("data-state", "in_call", CALL);
  await expect.poll(() => streamResponses.length, CALL).toBeGreaterThan(1);
  await expect(page.getByText("Live updates on")).toBeVisible(CALL);
  expect(streamResponses.at(-1)!.headers()["x-mkutano-upstream"]).toContain(`:${other.port}`);
  await expect(row(page, "Halima Host")).toHaveAttribute("data-state", "in_call");
  await expect(row(page, "Amina Odhiambo")).toHaveAttribute("data-state", "in_call");
  await expect(page.locator('[role="alert"]:not(#__next-route-announcer__)').filter({ hasText: /\S/ })).toHaveCount(0);
  expect(failedResponses).toEqual([]);

  // Every webhook Sautikit sent was finally accepted (a delivery cut by the kill is retried).
  await expect
    .poll(
      async () => {
        const { deliveries } = await emulator<{
          deliveries: { outcome: string; status_code: number | null; url: string }[];
        }>("GET", "/deliveries");
        const ours = deliveries.filter((d) => d.url.startsWith("https://127.0.0.1"));
        return (
          ours.length > 0 && ours.every((d) => d.outcome === "delivered") && !ours.some((d) => d.status_code === 401)
        );
      },
      { timeout: 90_000 },
    )
    .toBe(true);
});

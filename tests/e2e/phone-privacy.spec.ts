import { expect, test, type Page, type Response } from "@playwright/test";
import { freshPhone as fresh, postMeeting } from "./support/demo-meetings";
import { dialInWithPin } from "./support/emulator";
import { acceptInvite, account, createInvite, runTag, signUp } from "./support/fixtures";
import { E2E_APP_URL } from "./support/urls";
import { leakedNumbers } from "../support/phone-leaks";
import { sseFrames } from "../support/sse-frames";

// Number privacy in a real browser against a production build and the emulator: an organiser's
// meeting with real dialled calls and a real dial-in guest. With the workspace on "admins only"
// (the default), the organiser crawls every page they can reach by following links, plus every
// JSON, SSE, CSV and .ics endpoint of their meeting, and no raw body — HTML, RSC payloads, fetches,
// the first SSE frame, downloads — holds a full number of anyone on the meeting in any written
// form; the roster shows them masked. The admin sees them in full, switches the setting to
// "everyone" on Settings → Privacy, and the organiser's roster shows full numbers.

const run = runTag();
const admin = account("Wanjiru Admin", "priv-admin", run);
const organiser = account("Otieno Organiser", "priv-org", run, "organiser-pass-42");
const CALL = { timeout: 30_000 };

/** Every response body the page receives (streams excepted: the SSE frame is read on its own). */
function recordBodies(page: Page) {
  const bodies: { url: string; body: string }[] = [];
  const pending: Promise<void>[] = [];
  page.on("response", (res: Response) => {
    if ((res.headers()["content-type"] ?? "").includes("text/event-stream")) return;
    pending.push(
      res
        .text()
        .then((body) => void bodies.push({ url: res.url(), body }))
        .catch(() => {}),
    );
  });
  return { bodies, settle: () => Promise.all(pending) };
}

/** Visits every same-origin page (and download) reachable by links from /meetings (GET only). */
async function crawlPages(page: Page, limit = 60): Promise<{ url: string; body: string; status: number }[]> {
  const origin = new URL(page.url()).origin;
  const queue = ["/meetings"];
  const seen = new Set<string>(queue);
  const out: { url: string; body: string; status: number }[] = [];
  while (queue.length && out.length < limit) {
    const path = queue.shift()!;
    // A link to the API is a download (.ics, CSV, audio): fetched, not navigated to.
    if (path.startsWith("/api/")) {
      const res = await page.request.get(path);
      out.push({ url: path, status: res.status(), body: await res.text() });
      continue;
    }
    const res = await page.goto(path);
    out.push({ url: path, status: res?.status() ?? 0, body: (await res?.text()) ?? "" });
    await page.waitForLoadState("networkidle").catch(() => {});
    out.push({ url: `${path} (rendered)`, status: 200, body: await page.content() });
    const links = await page.locator("a[href]").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of links) {
      const u = new URL(href);
      if (u.origin !== origin || u.pathname.startsWith("/api/auth")) continue;
      const key = `${u.pathname}${u.search}`;
      if (!seen.has(key)) {
        seen.add(key);
        queue.push(key);
      }
    }
  }
  return out;
}

/** The first `event: roster` frame of the meeting's stream, raw, read with the page's own session. */
async function firstRosterFrame(page: Page, meetingId: string): Promise<string> {
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const stream = sseFrames(await fetch(`${E2E_APP_URL}/api/meetings/${meetingId}/stream`, { headers: { cookie } }));
  try {
    return await stream.next("roster");
  } finally {
    await stream.close();
  }
}

test("a masked organiser never receives a full phone number; an admin does, and can show them to everyone", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  await signUp(page, admin, `Privacy ${run}`);
  const invitePath = await createInvite(page, organiser.email, "organiser");
  const orgPage = await (await browser.newContext()).newPage();
  await acceptInvite(orgPage, invitePath, organiser);

  // The organiser's meeting, starting now, with three people who answer, called for real.
  const meeting = await postMeeting(orgPage.request, "Chama privacy", {
    startsAt: new Date().toISOString(),
    durationMinutes: 60,
    waitForHost: false,
    endOnHostExit: false,
  });
  const people = [fresh(), fresh(), fresh()];
  for (const [i, number] of people.entries()) {
    const added = await orgPage.request.post(`/api/meetings/${meeting.id}/participants`, {
      data: { name: `Person ${i + 1}`, phone: number, role: i === 0 ? "host" : "participant" },
    });
    expect(added.status()).toBe(201);
    expect(leakedNumbers(await added.text(), people), "the add-participant answer").toEqual([]);
  }
  expect((await orgPage.request.post(`/api/meetings/${meeting.id}/call-everyone`)).status()).toBe(200);

  // A guest dials in with the PIN from the emulator.
  const guest = fresh();
  const numbers = [...people, guest];
  await orgPage.goto(`/meetings/${meeting.id}`);
  const invite = (await orgPage.getByTestId("invite-text").textContent()) ?? "";
  const dialIn = /(\+[\d ]{9,20}\d)/.exec(invite)?.[1]?.replace(/\s+/g, "");
  expect(dialIn, "the invite keeps the workspace's own dial-in number").toMatch(/^\+\d{9,15}$/);
  await dialInWithPin(guest, dialIn!, meeting.pin, CALL.timeout);
  await expect(orgPage.locator('[data-testid="roster-row"][data-state="in_call"]')).toHaveCount(4, CALL);

  // The roster shows every number masked.
  for (const n of numbers) await expect(orgPage.getByText(`+254 7•• ••• ${n.slice(-3)}`).first()).toBeVisible();

  // The crawl: every page by links, every fetch those pages make, and the meeting's endpoints.
  const recorded = recordBodies(orgPage);
  const pages = await crawlPages(orgPage);
  expect(pages.map((p) => p.url)).toEqual(
    expect.arrayContaining(["/meetings", `/meetings/${meeting.id}`, "/recordings", "/profile"]),
  );
  const endpoints = [
    "/api/meetings",
    `/api/meetings/${meeting.id}`,
    `/api/meetings/${meeting.id}/roster`,
    `/api/meetings/${meeting.id}/statement`,
    `/api/meetings/${meeting.id}/statement?format=csv`,
    `/api/meetings/${meeting.id}/ics`,
    `/api/meetings/${meeting.id}/budget`,
    "/api/recordings",
    "/api/admin/calls",
    "/api/admin/audit",
    "/api/admin/spend",
    "/api/admin/webhooks",
  ];
  const api: { url: string; body: string }[] = [];
  for (const url of endpoints) api.push({ url, body: await (await orgPage.request.get(url)).text() });
  api.push({ url: "stream", body: await firstRosterFrame(orgPage, meeting.id) });
  await recorded.settle();
  const everything = [...pages, ...api, ...recorded.bodies];
  expect(everything.length).toBeGreaterThan(20);
  for (const r of everything) expect(leakedNumbers(r.body, numbers), r.url).toEqual([]);
  const csv = api.find((r) => r.url.endsWith("format=csv"))!.body;
  expect(csv).toContain(`"=""+254 7•• ••• ${people[0]!.slice(-3)}"""`);

  // The admin sees the numbers in full, grouped as people write them, on the roster and in the CSV.
  await page.goto(`/meetings/${meeting.id}`);
  const grouped = (n: string) => `+254 ${n.slice(4, 7)} ${n.slice(7, 10)} ${n.slice(10)}`;
  for (const n of numbers) await expect(page.getByText(grouped(n)).first()).toBeVisible();
  const adminCsv = await (await page.request.get(`/api/meetings/${meeting.id}/statement?format=csv`)).text();
  expect(adminCsv).toContain(`"=""${grouped(people[0]!)}"""`);
  expect(leakedNumbers(adminCsv, numbers).sort()).toEqual([...numbers].sort());

  // Settings → Privacy: "Everyone in the workspace".
  await page.goto("/settings");
  await page.getByRole("link", { name: "Privacy" }).click();
  await expect(page).toHaveURL(/\/settings\/privacy$/);
  await expect(page.getByLabel("Admins only")).toBeChecked();
  await page.getByLabel("Everyone in the workspace").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("status-message")).toContainText("everyone in the workspace sees full phone numbers");
  await page.reload();
  await expect(page.getByLabel("Everyone in the workspace")).toBeChecked();

  // The organiser now sees full numbers, on the page and on the stream.
  await orgPage.goto(`/meetings/${meeting.id}`);
  for (const n of numbers) await expect(orgPage.getByText(grouped(n)).first()).toBeVisible();
  expect(leakedNumbers(await firstRosterFrame(orgPage, meeting.id), numbers).sort()).toEqual([...numbers].sort());

  expect((await orgPage.request.post(`/api/meetings/${meeting.id}/end`)).status()).toBe(200);
  await orgPage.context().close();
});

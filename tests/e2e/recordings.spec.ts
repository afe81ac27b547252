import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { runRecordedMeeting } from "./support/demo-meetings";
import { acceptInvite, account, createInvite, runTag, signUp } from "./support/fixtures";

// Recordings and admin review in a real browser against the running emulator: a recorded meeting
// ends → an admin opens Recordings, plays it (the <audio> element decodes a real WAV) and downloads
// it; a user of another workspace gets 404 for its URL; an organiser gets 403 on every admin page
// and sees only their own meetings' recordings.

const run = runTag();
const admin = account("Njeri Admin", "rec-admin", run);
const organiser = account("Baraka Organiser", "rec-org", run, "organiser-password-9");
const outsider = account("Outsider", "rec-out", run, "outsider-password-7");
const workspaceName = `Recordings ${run}`;

const ADMIN_PAGES = [
  "/admin/calls",
  "/admin/spend",
  "/admin/webhooks",
  "/admin/audit",
  "/settings/members",
  "/settings/sautikit",
];

test("a recorded meeting is played and downloaded by the admin, hidden from other workspaces and organisers", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await signUp(page, admin, workspaceName);
  const adminMeeting = await runRecordedMeeting(page.request, "Board review");

  // Recordings: the admin plays it; the audio element loads and decodes a real WAV.
  await page.goto("/recordings");
  const row = page.getByTestId("recording-row").filter({ hasText: "Board review" });
  await expect(row).toHaveCount(1);
  const recordingId = (await row.getAttribute("data-recording-id"))!;
  const audioResponse = page.waitForResponse((r) => r.url().endsWith(`/api/recordings/${recordingId}/audio`));
  await row.getByRole("button", { name: "Play recording of Board review" }).click();
  const audio = row.getByTestId("recording-audio");
  await expect(audio).toBeVisible();
  const served = await audioResponse;
  // The player asks for a byte range (bytes=0-) and gets one: it knows the length and can seek.
  expect(served.status()).toBe(206);
  const headers = served.headers();
  expect(headers["content-type"]).toBe("audio/wav");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["accept-ranges"]).toBe("bytes");
  const [, last, total] = /^bytes 0-(\d+)\/(\d+)$/.exec(headers["content-range"] ?? "") ?? [];
  expect(Number(last) + 1).toBe(Number(total));
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.readyState)).toBeGreaterThanOrEqual(1);
  expect(await audio.evaluate((a: HTMLAudioElement) => a.error)).toBeNull();
  const duration = await audio.evaluate((a: HTMLAudioElement) => a.duration);
  expect(duration).toBeGreaterThan(1);
  expect(Number.isFinite(duration)).toBe(true);
  // Seekable from start to end, not just what has been buffered.
  await expect
    .poll(() =>
      audio.evaluate((a: HTMLAudioElement) => (a.seekable.length ? a.seekable.end(a.seekable.length - 1) : 0)),
    )
    .toBeGreaterThanOrEqual(duration - 0.05);

  // Download: a WAV file with its own name.
  const [download] = await Promise.all([page.waitForEvent("download"), row.getByTestId("recording-download").click()]);
  expect(download.suggestedFilename()).toMatch(/^Board-review-\d{4}-\d{2}-\d{2}\.wav$/);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 4).toString("ascii")).toBe("RIFF");
  expect(bytes.subarray(8, 12).toString("ascii")).toBe("WAVE");
  expect(bytes.length).toBeGreaterThan(44 + 16_000);

  // Both are in the audit log.
  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-row").filter({ hasText: "recording.played" })).toHaveCount(1);
  await expect(page.getByTestId("audit-row").filter({ hasText: "recording.downloaded" })).toHaveCount(1);

  // Another workspace's user gets 404 for the recording's URLs, never the audio.
  const outsiderContext = await browser.newContext();
  const outsiderPage = await outsiderContext.newPage();
  await signUp(outsiderPage, outsider, `Elsewhere ${run}`);
  expect((await outsiderPage.request.get(`/api/recordings/${recordingId}/audio`)).status()).toBe(404);
  expect((await outsiderPage.request.get(`/api/recordings/${recordingId}/audio?download=1`)).status()).toBe(404);
  expect((await outsiderPage.request.get(`/api/recordings/${recordingId}`)).status()).toBe(404);
  // They are an admin of their own workspace, so even a delete only learns that it does not exist.
  expect((await outsiderPage.request.delete(`/api/recordings/${recordingId}`)).status()).toBe(404);
  await outsiderPage.goto("/recordings");
  await expect(outsiderPage.getByTestId("recording-row")).toHaveCount(0);
  await outsiderContext.close();

  // The admin invites an organiser, who joins in their own browser.
  const invitePath = await createInvite(page, organiser.email, "organiser");
  const orgContext = await browser.newContext();
  const orgPage = await orgContext.newPage();
  await acceptInvite(orgPage, invitePath, organiser);

  // Every admin page is refused with 403, and so are the admin APIs.
  for (const path of ADMIN_PAGES) {
    const res = await orgPage.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(orgPage.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();
  }
  for (const path of [
    "/api/admin/calls",
    "/api/admin/spend",
    "/api/admin/webhooks",
    "/api/admin/audit",
    "/api/admin/wallet",
  ]) {
    expect((await orgPage.request.get(path)).status(), path).toBe(403);
  }

  // The organiser sees none of the admin's recordings, then only their own.
  await orgPage.goto("/recordings");
  await expect(orgPage.getByTestId("recording-row")).toHaveCount(0);
  expect((await orgPage.request.get(`/api/recordings/${recordingId}/audio`)).status()).toBe(404);
  const orgMeeting = await runRecordedMeeting(orgPage.request, "Field team standup");
  await orgPage.goto("/recordings");
  await expect(orgPage.getByTestId("recording-row")).toHaveCount(1);
  await expect(orgPage.getByTestId("recording-row")).toContainText("Field team standup");
  await expect(orgPage.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await expect(orgPage.getByTestId("wallet-badge")).toHaveCount(0);
  await orgContext.close();

  // The admin sees both meetings' recordings.
  await page.goto("/recordings");
  await expect(page.getByTestId("recording-row")).toHaveCount(2);
  expect(new Set([adminMeeting, orgMeeting]).size).toBe(2);

  // Admin review: the wallet in the header, the call log reconciled with Sautikit, spend, webhooks.
  // The header renders it twice (desktop bar, phone menu); one is visible at a time.
  await expect(page.getByTestId("wallet-badge").filter({ visible: true })).toHaveText(/KES \d/);
  await page.goto("/admin/calls");
  await expect(page.getByTestId("call-row")).toHaveCount(4);
  await expect(page.getByTestId("call-log-ok")).toBeVisible();
  await page.goto("/admin/spend");
  await expect(page.getByTestId("wallet-balance")).toHaveText(/^KES \d+\.\d\d$/);
  await expect(page.getByTestId("spend-meeting-row")).toHaveCount(2);
  await expect(page.getByTestId("spend-chart").locator("svg").first()).toBeVisible();
  // Sautikit's own figure for the month beside Mkutano's (other tests share the emulator account, so
  // the two may or may not agree; either way one of the two verdicts is shown).
  await expect(page.getByTestId("sautikit-month-spend")).toHaveText(/^KES \d+\.\d\d$/);
  await expect(page.getByTestId("mkutano-month-spend")).toHaveText(/^KES \d+\.\d\d$/);
  await expect(page.getByTestId("month-spend-match").or(page.getByTestId("month-spend-differs"))).toBeVisible();
  await page.goto("/admin/webhooks?verdict=accepted&kind=call.recording");
  await expect(page.getByTestId("webhook-row")).toHaveCount(2);

  // The meeting page shows the statement and offers it as CSV.
  await page.goto(`/meetings/${adminMeeting}`);
  await expect(page.getByTestId("meeting-spend")).toBeVisible();
  await expect(page.getByTestId("statement-total")).toHaveText(/^KES \d+\.\d\d$/);
  const csv = await page.request.get(`/api/meetings/${adminMeeting}/statement?format=csv`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await csv.text()).split("\r\n")[0]).toContain("Seconds connected");

  // A budget cap below what the meeting cost shows the warning; a zero budget is refused.
  expect((await page.request.put(`/api/meetings/${adminMeeting}/budget`, { data: { budgetMinor: 0 } })).status()).toBe(
    422,
  );
  await expect(page.getByTestId("budget-reached")).toHaveCount(0);
  await page.getByTestId("budget-input").fill("0.01");
  await page.getByRole("button", { name: "Save budget" }).click();
  await expect(page.getByTestId("budget-reached")).toContainText("No new calls can be placed");
});

import { expect, test } from "@playwright/test";
import { signUp } from "./support/sign-up";

// The two switches about the calls Mkutano makes (ADR 0019): Settings → Sautikit's caller ID (show
// the dial-in number, so a missed call can be returned), and a meeting's "call everyone at the
// start" and reminder calls. Each is changed through the UI and must still be so after a reload.

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test("the caller-ID switch and a meeting's call options are saved and shown", async ({ page }) => {
  await signUp(page, {
    name: "Organiser",
    email: `calls-${run}@e2e.mkutano.test`,
    password: "calls-password-42",
    workspace: `Calls ${run}`,
  });

  // Caller ID: on by default; off, then on again, each surviving a reload.
  await page.goto("/settings/sautikit");
  const present = page.getByTestId("sk-present-dial-in");
  const form = page.locator("form").filter({ has: present });
  await expect(present).toBeChecked();
  await present.uncheck();
  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("sk-caller-id-ok")).toHaveText("Saved: calls now show the caller-ID number.");
  await page.reload();
  await expect(present).not.toBeChecked();
  await present.check();
  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("sk-caller-id-ok")).toHaveText("Saved: calls now show the dial-in number.");
  await page.reload();
  await expect(present).toBeChecked();

  // A meeting that calls everyone at the start and sends reminder calls 15 minutes before.
  await page.goto("/meetings/new");
  await page.getByLabel("Title", { exact: true }).fill("Weekly check-in");
  const callAtStart = page.getByLabel(/^Call everyone at the start/);
  const remindByCall = page.getByLabel(/^Reminder call before the meeting/);
  await expect(callAtStart).not.toBeChecked();
  await expect(remindByCall).not.toBeChecked();
  await callAtStart.check();
  await remindByCall.check();
  await page.getByLabel("Reminder, minutes before the start", { exact: true }).fill("15");
  await page.getByRole("button", { name: "Schedule meeting" }).click();
  await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
  const meetingUrl = page.url();
  await expect(page.getByText(/Calls everyone at the start · Reminder calls 15 min before the start/)).toBeVisible();

  // The edit form reads them back; switching the start calls off shows on the meeting page.
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page).toHaveURL(/\/edit$/);
  await expect(callAtStart).toBeChecked();
  await expect(remindByCall).toBeChecked();
  await expect(page.getByLabel("Reminder, minutes before the start", { exact: true })).toHaveValue("15");
  await callAtStart.uncheck();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(meetingUrl);
  await page.reload();
  await expect(page.getByText(/No calls at the start · Reminder calls 15 min before the start/)).toBeVisible();
});

import { expect, test, type Page } from "@playwright/test";
import { phone } from "./support/emulator";

// Dial-outs on a real phone network, seen live by the organiser: a voicemail answers and is asked
// to press 1 (it never does), so the roster says "No answer from a person (voicemail?)"; the network
// drops someone mid-meeting and the roster says "Dropped — calling back" until they are back in.

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const n = String(Math.floor(Math.random() * 90) + 10);
const phones = {
  stayer: `+25472260${n}01`,
  dropped: `+25472260${n}02`,
  voicemail: `+2547000006${n}`, // voicemail: answers after ~3 s, never presses a key
};

const row = (page: Page, name: string) => page.locator(`[data-testid="roster-row"][data-person="${name}"]`);
// The confirmation asks twice with 6 s to answer each time, prompts at the emulator's speaking pace.
const CONFIRM = { timeout: 75_000 };
const CALL = { timeout: 30_000 };

test("the organiser sees a voicemail and a dropped call live", async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto("/sign-up");
  await page.getByLabel("Your name", { exact: true }).fill("Organiser");
  await page.getByLabel("Work email", { exact: true }).fill(`dialouts-${run}@e2e.mkutano.test`);
  await page.getByLabel("Password", { exact: true }).fill("correct-horse-battery");
  await page.getByLabel("Workspace name", { exact: true }).fill(`Dial-outs ${run}`);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/meetings$/);

  await page.getByRole("link", { name: "New meeting" }).first().click();
  await page.getByLabel("Title", { exact: true }).fill("Chama meeting");
  await page.getByLabel("Waiting room until the host joins").uncheck();
  // Both protections are on by default.
  await expect(page.getByLabel(/Ask people we call to press 1/)).toBeChecked();
  await expect(page.getByLabel("Call people back when the network drops their call")).toBeChecked();
  await page.getByRole("button", { name: "Schedule meeting" }).click();
  await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Live updates on")).toBeVisible();

  await page
    .getByLabel("One person per line")
    .fill(
      [`Stella Stayer, ${phones.stayer}`, `Dan Dropped, ${phones.dropped}`, `Vera Voicemail, ${phones.voicemail}`].join(
        "\n",
      ),
    );
  await page.getByRole("button", { name: "Add all" }).click();
  await expect(page.getByTestId("roster-row")).toHaveCount(3);

  await page.getByRole("button", { name: "Call everyone" }).click();
  // Phones that answer by themselves press 1 when asked, and go in.
  await expect(row(page, "Stella Stayer")).toHaveAttribute("data-state", "in_call", CALL);
  await expect(row(page, "Dan Dropped")).toHaveAttribute("data-state", "in_call", CALL);

  // The network drops Dan: the roster says so and Mkutano calls him back; he presses 1 and is back.
  await phone(phones.dropped).drop(); // throws unless the emulator took it
  await expect(row(page, "Dan Dropped")).toContainText("Dropped — calling back", CALL);
  await expect(row(page, "Dan Dropped")).toHaveAttribute("data-state", "in_call", CALL);
  await expect(row(page, "Dan Dropped").getByText("2 calls")).toBeVisible();

  // The voicemail never pressed 1: hung up after the second ask.
  await expect(row(page, "Vera Voicemail").getByTestId("person-state")).toHaveText(
    "No answer from a person (voicemail?)",
    CONFIRM,
  );
  await expect(row(page, "Vera Voicemail")).toHaveAttribute("data-reason", "no_person");
  await expect(row(page, "Stella Stayer")).toHaveAttribute("data-state", "in_call");

  await page.getByRole("button", { name: "End meeting" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "End meeting" }).click();
  await expect(page.getByTestId("meeting-status")).toHaveText("ended", CALL);
});

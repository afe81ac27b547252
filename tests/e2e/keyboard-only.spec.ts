import { expect, test, type Locator, type Page } from "@playwright/test";
import { freshPhone } from "./support/demo-meetings";
import { DEMO_ORGANISER, rosterRow as row, runTag } from "./support/fixtures";

// The organiser's whole loop with the keyboard alone — no clicks, no .fill(): sign in, schedule a
// meeting, add a host and a participant, call everyone, mute one, end the meeting. Every control
// on the way has to be reachable with Tab, work with Enter or typing, and show where focus is.

const run = runTag();
const CALL = { timeout: 60_000 };

/** Presses Tab until `target` has focus (it must be reachable, in order, from where focus is). */
async function tabTo(page: Page, target: Locator, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) {
      // What the keyboard user sees: a focus ring on the control (an outline, or a ring on fields).
      const ring = await target.evaluate((el) => {
        const s = getComputedStyle(el);
        return s.outlineStyle !== "none" || s.boxShadow !== "none";
      });
      expect(ring, `${target} shows no focus ring`).toBe(true);
      return;
    }
    await page.keyboard.press("Tab");
  }
  throw new Error(`${target} was not reached with Tab`);
}

async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.type(text);
}

test("schedule, add people, call everyone, mute and end — with the keyboard only", async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto("/sign-in");
  await typeInto(page, page.getByLabel("Email", { exact: true }), DEMO_ORGANISER.email);
  await typeInto(page, page.getByLabel("Password", { exact: true }), DEMO_ORGANISER.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/meetings$/);

  await tabTo(page, page.getByRole("link", { name: "New meeting" }).first());
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/meetings\/new$/);
  await typeInto(page, page.getByLabel("Title", { exact: true }), `Keyboard meeting ${run}`);
  await tabTo(page, page.getByRole("button", { name: "Schedule meeting" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: `Keyboard meeting ${run}` })).toBeVisible();

  // The host: typed, the role picked by typing its first letter, added with Enter.
  await typeInto(page, page.getByLabel("Name", { exact: true }), "Halima Host");
  await typeInto(page, page.getByLabel("Phone", { exact: true }), freshPhone());
  await tabTo(page, page.getByLabel("Role", { exact: true }));
  await page.keyboard.press("h");
  await expect(page.getByLabel("Role", { exact: true })).toHaveValue("host");
  await tabTo(page, page.getByRole("button", { name: "Add person" }));
  await page.keyboard.press("Enter");
  await expect(row(page, "Halima Host")).toBeVisible();

  // A participant: Enter in the phone field submits the form.
  await typeInto(page, page.getByLabel("Name", { exact: true }), "Amina Odhiambo");
  await typeInto(page, page.getByLabel("Phone", { exact: true }), freshPhone());
  await page.keyboard.press("Enter");
  await expect(row(page, "Amina Odhiambo")).toBeVisible();

  // Back up the page to Call everyone (Shift+Tab), then Enter.
  const callEveryone = page.getByRole("button", { name: "Call everyone" });
  for (let i = 0; i < 120 && !(await callEveryone.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Shift+Tab");
  await expect(callEveryone).toBeFocused();
  await page.keyboard.press("Enter");
  for (const name of ["Halima Host", "Amina Odhiambo"])
    await expect(row(page, name)).toHaveAttribute("data-state", "in_call", CALL);
  await expect(page.getByTestId("meeting-status")).toHaveText("live", CALL);

  await tabTo(page, page.getByRole("button", { name: "Mute Amina Odhiambo" }));
  await page.keyboard.press("Enter");
  await expect(row(page, "Amina Odhiambo")).toHaveAttribute("data-muted", "true", CALL);
  await expect(page.getByRole("button", { name: "Unmute Amina Odhiambo" })).toBeFocused();

  // End: the dialog opens with focus on the safe choice; Tab to End meeting, Enter.
  for (let i = 0; i < 120; i++) {
    if (await page.getByRole("button", { name: "End meeting" }).evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press("Shift+Tab");
  }
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "End the meeting for everyone?" });
  await expect(dialog.getByRole("button", { name: "Keep meeting going" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "End meeting" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("meeting-status")).toHaveText("ended", CALL);
  for (const name of ["Halima Host", "Amina Odhiambo"])
    await expect(row(page, name)).toHaveAttribute("data-state", "left", CALL);
});

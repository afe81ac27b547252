import { expect, test, type Page } from "@playwright/test";
import { pressWhenAsked } from "../support/confirm-answer";
import { createMeeting, freshPhone } from "./support/demo-meetings";
import { DEMO_ORGANISER, rosterRow as row, runTag, signIn as signInAs } from "./support/fixtures";
import { E2E_EMULATOR_URL } from "./support/urls";

// What a browser walk of the app, tried as a new user would, found rough — each pinned in a real
// browser against the running emulator: focus you can see and keep, dialogs that say what their
// buttons do, a page that follows a cancellation at once, typing never lost while a person is
// added, spreadsheet paste, and a badge that says "calling" while the phones ring.

const run = runTag();
// +254 700 000 5NN rings until answered through the control API (meetings.spec uses 500–589).
const manualPhone = `+25470000059${Math.floor(Math.random() * 10)}`;
const CALL = { timeout: 25_000 };

const focusedRowPerson = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest("[data-testid=roster-row]")?.getAttribute("data-person") ?? null);

const signIn = (page: Page) => signInAs(page, DEMO_ORGANISER);

test("focus rings show on every kind of control, including white-on-green buttons", async ({ page }) => {
  await signIn(page);
  await page.goto("/meetings/new");
  const primary = page.getByRole("button", { name: "Schedule meeting" });
  const title = page.getByLabel("Title", { exact: true });
  const ringOf = async (control: typeof primary) => {
    await control.focus();
    // Focus moved by script shows as keyboard focus (:focus-visible) once a key is pressed.
    await page.keyboard.press("Shift");
    return control.evaluate((el) => {
      const s = getComputedStyle(el);
      return {
        visible: el.matches(":focus-visible"),
        style: s.outlineStyle,
        width: parseFloat(s.outlineWidth),
        color: s.outlineColor,
        background: s.backgroundColor,
        pageBackground: getComputedStyle(document.body).backgroundColor,
        shadow: s.boxShadow,
      };
    });
  };
  for (const control of [primary, page.getByRole("link", { name: "Meetings" }).first()]) {
    const ring = await ringOf(control);
    expect(ring.visible).toBe(true);
    expect(ring.style).toBe("solid");
    expect(ring.width).toBeGreaterThanOrEqual(2);
    // The ring is neither the button's own colour (green on green) nor the page's.
    expect(ring.color).not.toBe(ring.background);
    expect(ring.color).not.toBe(ring.pageBackground);
    // …with a white gap between it and the control.
    expect(ring.shadow).toContain("rgb(255, 255, 255)");
  }
  // Fields show a solid green ring around the box instead.
  const field = await ringOf(title);
  expect(field.shadow).not.toBe("none");
  expect(field.shadow).not.toContain("/ 0.3");
});

test("cancelling: the dialog says what each button does, and the page follows at once", async ({ page }) => {
  await signIn(page);
  const id = await createMeeting(page.request, `Cancel me ${run}`);
  await page.goto(`/meetings/${id}`);
  await expect(page.getByTestId("meeting-status")).toHaveText("scheduled");

  const trigger = page.getByRole("button", { name: "Cancel meeting" });
  await trigger.click();
  const dialog = page.getByRole("dialog", { name: "Cancel this meeting?" });
  await expect(dialog.getByRole("button")).toHaveText(["Keep meeting", "Cancel meeting"]);
  await dialog.getByRole("button", { name: "Keep meeting" }).click();
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();

  await trigger.click();
  await dialog.getByRole("button", { name: "Cancel meeting" }).click();
  // No reload and no wait for a push: the badge, the controls and the form follow straight away.
  await expect(page.getByTestId("meeting-status")).toHaveText("cancelled");
  await expect(page.getByTestId("meeting-status")).toBeFocused();
  await expect(page.getByRole("button", { name: "Call everyone" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add person" })).toHaveCount(0);
  await expect(trigger).toHaveCount(0);
});

test("adding people: typing is never lost, spreadsheet paste works, failed lines keep their new numbers", async ({
  page,
}) => {
  await signIn(page);
  const id = await createMeeting(page.request, `Add people ${run}`);
  await page.goto(`/meetings/${id}`);

  // Hold the add request until the next person has been typed.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(`**/api/meetings/${id}/participants`, async (route) => {
    await held;
    await route.continue();
  });
  const aminaPhone = freshPhone();
  await page.getByLabel("Name", { exact: true }).fill("Amina Odhiambo");
  await page.getByLabel("Phone", { exact: true }).fill(aminaPhone);
  await page.getByRole("button", { name: "Add person" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Juma Kariuki");
  release();
  await expect(row(page, "Amina Odhiambo")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Juma Kariuki");
  await expect(page.getByLabel("Phone", { exact: true })).toHaveValue("");
  await page.unroute(`**/api/meetings/${id}/participants`);

  // Rows copied from a spreadsheet: a header, tabs, a bad number and a duplicate.
  const paste = page.getByLabel("One person per line");
  await paste.fill(
    [
      "Name\tPhone",
      `Otieno Were\t${freshPhone()}`,
      "Bad Number\t0712",
      `Wanjiru Njoroge\t${freshPhone()}`,
      `Amina Again\t${aminaPhone}`,
    ].join("\n"),
  );
  await page.getByRole("button", { name: "Add all" }).click();
  await expect(row(page, "Otieno Were")).toBeVisible();
  await expect(row(page, "Wanjiru Njoroge")).toBeVisible();
  await expect(paste).toHaveValue(`Bad Number\t0712\nAmina Again\t${aminaPhone}`);
  const errors = page.getByTestId("bulk-errors").getByRole("listitem");
  await expect(errors).toHaveCount(2);
  await expect(errors.nth(0)).toHaveText(/^Line 1: .*not a valid phone number/);
  await expect(errors.nth(1)).toHaveText(/^Line 2: .*already a participant/);

  // A CSV line with a quoted name that holds a comma.
  await paste.fill(`"Kamau, Peter",${freshPhone()},listener`);
  await page.getByRole("button", { name: "Add all" }).click();
  await expect(row(page, "Kamau, Peter")).toBeVisible();
  await expect(paste).toHaveValue("");
});

test("the badge follows the calls, and keyboard focus stays put through Mute, Unmute, Kick, Re-dial and End", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page);
  const id = await createMeeting(page.request, `Focus walk ${run}`, { waitForHost: false, endOnHostExit: false });
  const added = await page.request.post(`/api/meetings/${id}/participants`, {
    data: { name: "Amina", phone: manualPhone, role: "participant" },
  });
  expect(added.status()).toBe(201);
  await page.goto(`/meetings/${id}`);
  await expect(page.getByTestId("meeting-status")).toHaveText("scheduled");

  await page.getByRole("button", { name: "Call Amina" }).focus();
  await page.keyboard.press("Enter");
  await expect(row(page, "Amina")).toHaveAttribute("data-state", "ringing", CALL);
  // Ringing, nobody in the room yet: the meeting is calling, not scheduled and not live.
  await expect(page.getByTestId("meeting-status")).toHaveText("calling");
  // The Call button went away with the call; focus stayed in Amina's row.
  expect(await focusedRowPerson(page)).toBe("Amina");

  const answered = await fetch(`${E2E_EMULATOR_URL}/_emulator/phones/${encodeURIComponent(manualPhone)}/answer`, {
    method: "POST",
  });
  expect(answered.status).toBeLessThan(300);
  await pressWhenAsked(E2E_EMULATOR_URL, manualPhone);
  await expect(row(page, "Amina")).toHaveAttribute("data-state", "in_call", CALL);
  await expect(page.getByTestId("meeting-status")).toHaveText("live", CALL);

  // One cost figure: the roster header, the cost panel's "spent so far" and its statement total,
  // read in one go, are the same while the call is metered live.
  await expect.poll(() => costFigures(page), CALL).toEqual({ header: expect.stringMatching(/[1-9]/), same: true });

  await page.getByRole("button", { name: "Mute Amina" }).focus();
  await page.keyboard.press("Enter");
  await expect(row(page, "Amina")).toHaveAttribute("data-muted", "true", CALL);
  await expect(page.getByRole("button", { name: "Unmute Amina" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(row(page, "Amina")).toHaveAttribute("data-muted", "false", CALL);
  await expect(page.getByRole("button", { name: "Mute Amina" })).toBeFocused();

  // Someone else stays in the room, so the meeting goes on after Amina is kicked (an empty room ends it).
  const baraka = await page.request.post(`/api/meetings/${id}/participants`, {
    data: { name: "Baraka", phone: freshPhone(), role: "participant" },
  });
  const barakaId = ((await baraka.json()) as { participant: { id: string } }).participant.id;
  expect((await page.request.post(`/api/meetings/${id}/participants/${barakaId}/dial`)).status()).toBeLessThan(300);
  await expect(row(page, "Baraka")).toHaveAttribute("data-state", "in_call", { timeout: 60_000 });

  await page.getByRole("button", { name: "Kick Amina off the call" }).focus();
  await page.keyboard.press("Enter");
  await expect(row(page, "Amina")).toHaveAttribute("data-state", "left", CALL);
  await expect(page.getByRole("button", { name: "Re-dial Amina" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(row(page, "Amina")).toHaveAttribute("data-state", "ringing", CALL);
  expect(await focusedRowPerson(page)).toBe("Amina");

  await page.getByRole("button", { name: "End meeting" }).click();
  const dialog = page.getByRole("dialog", { name: "End the meeting for everyone?" });
  await expect(dialog.getByRole("button")).toHaveText(["Keep meeting going", "End meeting"]);
  await dialog.getByRole("button", { name: "End meeting" }).click();
  await expect(page.getByTestId("meeting-status")).toHaveText("ended", CALL);
  await expect(page.getByTestId("meeting-status")).toBeFocused();

  // Once every call is priced, the page's one figure is the statement's, to the cent.
  await expect(row(page, "Amina")).toHaveAttribute("data-state", "left", CALL);
  await expect
    .poll(async () => {
      const res = await page.request.get(`/api/meetings/${id}/statement`);
      const statement = (await res.json()) as { totals: { costMinor: number } };
      const shown = await costFigures(page);
      return shown.same && shown.header.replace(/[^\d]/g, "") === String(statement.totals.costMinor);
    }, CALL)
    .toBe(true);
});

/** The three cost figures on the meeting page, read in the same instant. */
async function costFigures(page: Page): Promise<{ header: string; same: boolean }> {
  return page.evaluate(() => {
    const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? "";
    const header = text("meeting-cost");
    return { header, same: header === text("meeting-spent") && header === text("statement-total") };
  });
}

test("the app has a favicon, a home-screen icon and a manifest", async ({ page, request }) => {
  await page.goto("/sign-in");
  const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(icon).toBeTruthy();
  const svg = await request.get(icon!);
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toContain("image/svg+xml");
  const apple = await page.locator('link[rel="apple-touch-icon"]').first().getAttribute("href");
  expect((await request.get(apple!)).headers()["content-type"]).toContain("image/png");
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
  // Fetched without cookies, as browsers do: never a redirect to sign-in.
  const manifest = await request.get(manifestHref!, { maxRedirects: 0 });
  expect(manifest.status()).toBe(200);
  const body = (await manifest.json()) as { name: string; icons: { src: string }[] };
  expect(body.name).toBe("Mkutano");
  for (const i of body.icons) expect((await request.get(i.src)).status(), i.src).toBe(200);
});

test("links move between pages inside the app without reloading it; Ctrl/⌘-click still opens a tab", async ({
  page,
  context,
}) => {
  await signIn(page);
  await page.goto("/meetings");
  const nav = page.getByRole("navigation", { name: "Main", exact: true });
  // A marker on the window survives an App Router navigation and is gone after a full page load.
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));
  await nav.getByRole("link", { name: "Recordings", exact: true }).click();
  await expect(page).toHaveURL(/\/recordings$/);
  await expect(page.getByRole("heading", { level: 1, name: "Recordings", exact: true })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Recordings", exact: true })).toHaveAttribute("aria-current", "page");
  expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);

  const [tab] = await Promise.all([
    context.waitForEvent("page"),
    nav.getByRole("link", { name: "Meetings", exact: true }).click({ modifiers: ["ControlOrMeta"] }),
  ]);
  await expect(tab).toHaveURL(/\/meetings$/);
  await expect(page).toHaveURL(/\/recordings$/);
  await tab.close();
});

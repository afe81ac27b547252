import { expect, test, type Page } from "@playwright/test";
import { phone } from "./support/emulator";
import { E2E_EMULATOR_URL } from "./support/urls";

// Dial-in seen from both sides: the organiser watches the live roster while a phone dials the
// meeting's number from the emulator's phones console and types the PIN on its keypad. The caller
// waits (hold audio, "Waiting for host") until the host dials in with the host PIN, then is in the
// call; the organiser names the guest and saves them as a participant.

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const fresh = () => `+25472${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
// The emulator speaks prompts at about 400 ms a word, so call-state changes get a longer wait.
const CALL = { timeout: 30_000 };
const row = (page: Page, name: string) => page.locator(`[data-testid="roster-row"][data-person="${name}"]`);
/** The roster prints numbers grouped as people write them ("+254 724 701 877"): the last six digits as two threes. */
const printed = (e164: string) => `${e164.slice(-6, -3)} ${e164.slice(-3)}`;

test("a phone dials in with the PIN, waits for the host, then joins the call — live on the roster", async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  await page.goto("/sign-up");
  await page.getByLabel("Your name", { exact: true }).fill("Organiser");
  await page.getByLabel("Work email", { exact: true }).fill(`dialin-${run}@e2e.mkutano.test`);
  await page.getByLabel("Password", { exact: true }).fill("correct-horse-battery");
  await page.getByLabel("Workspace name", { exact: true }).fill(`Dial-in ${run}`);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/meetings$/);

  // A meeting starting now (through the app's own API, from the signed-in page).
  const meeting = await page.evaluate(async () => {
    const res = await fetch("/api/meetings", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        title: "Chama dial-in",
        startsAt: new Date().toISOString(),
        durationMinutes: 60,
        capacity: 10,
      }),
    });
    if (!res.ok) throw new Error(`schedule failed: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { meeting: { id: string; pin: string; hostPin: string } }).meeting;
  });
  await page.goto(`/meetings/${meeting.id}`);
  await expect(page.getByRole("heading", { name: "Chama dial-in" })).toBeVisible();
  const invite = await page.getByTestId("invite-text").textContent();
  const dialIn = /call (\+[\d ]+?) and enter PIN/.exec(invite ?? "")?.[1]?.replace(/\s+/g, "");
  expect(dialIn, "the invite names the dial-in number").toMatch(/^\+\d{9,15}$/);

  // The caller: the emulator's phones console, in a second tab.
  const caller = fresh();
  const consolePage = await context.newPage();
  await consolePage.goto(`${E2E_EMULATOR_URL}/`);
  await expect(consolePage.getByTestId("connection")).toHaveText(/Live/);
  await consolePage.getByLabel("From phone").fill(caller);
  await consolePage.getByLabel("To number").selectOption(dialIn!);
  await consolePage.getByRole("button", { name: "Call", exact: true }).click();
  const card = consolePage.getByTestId(`phone-${caller}`);
  const transcript = card.getByRole("list", { name: /^Transcript for/ });
  await expect(transcript).toContainText("Please enter your meeting PIN", CALL);
  const keypad = card.getByRole("group", { name: /^Keypad for/ });
  for (const digit of meeting.pin) await keypad.getByRole("button", { name: `Press ${digit}`, exact: true }).click();
  await keypad.getByRole("button", { name: "Press hash", exact: true }).click();
  await expect(transcript).toContainText("The meeting will start when the host joins", CALL);

  // The organiser's roster, without a reload: the guest, by number, waiting for the host.
  await page.bringToFront();
  const guest = row(page, "Guest caller").filter({ hasText: printed(caller) });
  await expect(guest).toHaveAttribute("data-state", "waiting", CALL);
  await expect(guest.getByTestId("hold-time")).toBeVisible(CALL);

  // The host dials in with the host PIN: the room starts and the guest is released into the call.
  const host = fresh();
  await phone(host).dial(dialIn!);
  await expect
    .poll(
      async () =>
        (await phone(host).snapshot())?.transcript.some((t) => t.text.includes("Please enter your meeting PIN")),
      CALL,
    )
    .toBe(true);
  await phone(host).digits(`${meeting.hostPin}#`);
  await expect(guest).toHaveAttribute("data-state", "in_call", CALL);
  await expect(page.getByTestId("meeting-status")).toHaveText("live", CALL);
  await expect(card.getByTestId("phone-state")).toHaveText(/In call/, CALL);

  // The organiser names the guest and saves them as a participant.
  await guest.getByRole("button", { name: /^Save guest / }).click();
  await guest.getByLabel(/^Name for/).fill("Mama Mboga");
  await guest.getByRole("button", { name: "Save", exact: true }).click();
  await expect(row(page, "Mama Mboga")).toHaveAttribute("data-state", "in_call", CALL);
  await expect(row(page, "Mama Mboga")).toContainText(printed(caller));
  await expect(guest).toHaveCount(0);

  await phone(caller).hangup();
  await phone(host).hangup();
});

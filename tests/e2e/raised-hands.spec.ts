import { expect, test } from "@playwright/test";
import { phone } from "./support/emulator";
import { E2E_EMULATOR_URL } from "./support/urls";

// Raised hands seen from both sides: the organiser switches the room to Q&A on the roster, a caller
// presses *9 on the emulator console's keypad, the hand appears in the roster's queue (and is
// announced), the organiser presses "Let speak", and the phone is unmuted in the emulator.

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const fresh = () => `+25472${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
// The emulator speaks prompts at about 400 ms a word, so call-state changes get a longer wait.
const CALL = { timeout: 45_000 };

test("a caller raises a hand from the console keypad; Let speak on the roster unmutes the phone", async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  await page.goto("/sign-up");
  await page.getByLabel("Your name", { exact: true }).fill("Organiser");
  await page.getByLabel("Work email", { exact: true }).fill(`hands-${run}@e2e.mkutano.test`);
  await page.getByLabel("Password", { exact: true }).fill("correct-horse-battery");
  await page.getByLabel("Workspace name", { exact: true }).fill(`Hands ${run}`);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/meetings$/);

  const amina = fresh();
  const meeting = await page.evaluate(async (phoneNumber) => {
    const post = async (url: string, body: unknown) => {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const { meeting } = (await post("/api/meetings", {
      title: "Baraza Q&A",
      startsAt: new Date().toISOString(),
      durationMinutes: 60,
      capacity: 10,
    })) as { meeting: { id: string; hostPin: string } };
    await post(`/api/meetings/${meeting.id}/participants`, { name: "Amina", phone: phoneNumber });
    return meeting;
  }, amina);
  await page.goto(`/meetings/${meeting.id}`);
  await expect(page.getByRole("heading", { name: "Baraza Q&A" })).toBeVisible();
  // The key map is on the page.
  await expect(page.getByTestId("phone-keys")).toContainText("Raise or lower your hand");
  const invite = await page.getByTestId("invite-text").textContent();
  expect(invite).toContain("*9 Raise or lower your hand");
  expect(invite).toContain("*9 Nyoosha au shusha mkono");
  const dialIn = /call (\+[\d ]+?) and enter PIN/.exec(invite ?? "")?.[1]?.replace(/\s+/g, "");
  expect(dialIn, "the invite names the dial-in number").toMatch(/^\+\d{9,15}$/);

  // The host dials in with the host PIN and opens the room.
  const host = fresh();
  await phone(host).dial(dialIn!);
  await expect
    .poll(async () => (await phone(host).snapshot())?.transcript.some((t) => t.text.includes("meeting PIN")), CALL)
    .toBe(true);
  await phone(host).digits(`${meeting.hostPin}#`);
  await expect(page.getByTestId("meeting-status")).toHaveText("live", CALL);

  // Q&A from the roster: everyone but hosts joins muted.
  // The radio follows the roster (checked once the switch is done), so it is clicked, then awaited.
  const qa = page.getByRole("radio", { name: "Q&A" });
  await qa.click();
  await expect(qa).toBeChecked(CALL);
  await expect(page.getByTestId("status-message")).toContainText("Q&A: everyone is muted");

  // Amina dials in from the console (recognised by caller ID) and is in the room, muted.
  const consolePage = await context.newPage();
  await consolePage.goto(`${E2E_EMULATOR_URL}/`);
  await expect(consolePage.getByTestId("connection")).toHaveText(/Live/);
  await consolePage.getByLabel("From phone").fill(amina);
  await consolePage.getByLabel("To number").selectOption(dialIn!);
  await consolePage.getByRole("button", { name: "Call", exact: true }).click();
  const card = consolePage.getByTestId(`phone-${amina}`);
  await expect(card.getByTestId("phone-state")).toHaveText(/In call/, CALL);
  await expect(card.locator(".tag-muted")).toBeVisible(CALL);

  // *9 on the console keypad raises her hand.
  const keypad = card.getByRole("group", { name: /^Keypad for/ });
  await keypad.getByRole("button", { name: "Press star", exact: true }).click();
  await keypad.getByRole("button", { name: "Press 9", exact: true }).click();
  await expect(card.getByRole("list", { name: /^Transcript for/ })).toContainText("Your hand is raised", CALL);

  await page.bringToFront();
  const queue = page.getByTestId("raised-hands");
  await expect(queue.getByRole("listitem")).toHaveCount(1, CALL);
  await expect(queue).toContainText("Amina");
  await expect(queue).toContainText(/waiting \d+:\d\d/);
  await expect(page.getByTestId("roster-announcer")).toContainText("Amina raised a hand");

  // Let speak: the hand goes down and the phone is unmuted in the emulator.
  await page.getByRole("button", { name: "Let Amina speak" }).click();
  await expect(page.getByText("No hands raised.")).toBeVisible(CALL);
  await expect.poll(async () => (await phone(amina).snapshot())?.muted, CALL).toBe(false);
  await consolePage.bringToFront();
  await expect(card.locator(".tag-muted")).toHaveCount(0, CALL);

  await phone(amina).hangup();
  await phone(host).hangup();
});

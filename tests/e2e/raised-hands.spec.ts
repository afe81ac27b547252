import { addPeople, freshPhone as fresh, postMeeting } from "./support/demo-meetings";
import { dialInWithPin, phone } from "./support/emulator";
import { dialInNumber, expect, openPhonesConsole, test } from "./support/fixtures";

// Raised hands seen from both sides: the organiser switches the room to Q&A on the roster, a caller
// presses *9 on the emulator console's keypad, the hand appears in the roster's queue (and is
// announced), the organiser presses "Let speak", and the phone is unmuted in the emulator.

// The emulator speaks prompts at about 400 ms a word, so call-state changes get a longer wait.
const CALL = { timeout: 45_000 };

test("a caller raises a hand from the console keypad; Let speak on the roster unmutes the phone", async ({
  organiserPage: page,
  context,
}) => {
  test.setTimeout(240_000);

  const amina = fresh();
  const meeting = await postMeeting(page.request, "Baraza Q&A", {
    startsAt: new Date().toISOString(),
    durationMinutes: 60,
  });
  await addPeople(page.request, meeting.id, [{ name: "Amina", phone: amina }]);
  await page.goto(`/meetings/${meeting.id}`);
  await expect(page.getByRole("heading", { name: "Baraza Q&A" })).toBeVisible();
  // The key map is on the page.
  await expect(page.getByTestId("phone-keys")).toContainText("Raise or lower your hand");
  const invite = await page.getByTestId("invite-text").textContent();
  expect(invite).toContain("*9 Raise or lower your hand");
  expect(invite).toContain("*9 Nyoosha au shusha mkono");
  const dialIn = await dialInNumber(page);

  // The host dials in with the host PIN and opens the room.
  const host = fresh();
  await dialInWithPin(host, dialIn, meeting.hostPin, CALL.timeout);
  await expect(page.getByTestId("meeting-status")).toHaveText("live", CALL);

  // Q&A from the roster: everyone but hosts joins muted.
  // The radio follows the roster (checked once the switch is done), so it is clicked, then awaited.
  const qa = page.getByRole("radio", { name: "Q&A" });
  await qa.click();
  await expect(qa).toBeChecked(CALL);
  await expect(page.getByTestId("status-message")).toContainText("Q&A: everyone is muted");

  // Amina dials in from the console (recognised by caller ID) and is in the room, muted.
  const phonesConsole = await openPhonesConsole(context);
  const { card, keypad, transcript } = await phonesConsole.call(amina, dialIn);
  await expect(card.getByTestId("phone-state")).toHaveText(/In call/, CALL);
  await expect(card.locator(".tag-muted")).toBeVisible(CALL);

  // *9 on the console keypad raises her hand.
  await keypad.getByRole("button", { name: "Press star", exact: true }).click();
  await keypad.getByRole("button", { name: "Press 9", exact: true }).click();
  await expect(transcript).toContainText("Your hand is raised", CALL);

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
  await phonesConsole.page.bringToFront();
  await expect(card.locator(".tag-muted")).toHaveCount(0, CALL);

  await phone(amina).hangup();
  await phone(host).hangup();
});

import { postMeeting, freshPhone as fresh } from "./support/demo-meetings";
import { dialInWithPin, phone } from "./support/emulator";
import { dialInNumber, expect, openPhonesConsole, rosterRow as row, test } from "./support/fixtures";

// Dial-in seen from both sides: the organiser watches the live roster while a phone dials the
// meeting's number from the emulator's phones console and types the PIN on its keypad. The caller
// waits (hold audio, "Waiting for host") until the host dials in with the host PIN, then is in the
// call; the organiser names the guest and saves them as a participant.

// The emulator speaks prompts at about 400 ms a word, so call-state changes get a longer wait.
const CALL = { timeout: 30_000 };
/** The roster prints numbers grouped as people write them ("+254 724 701 877"): the last six digits as two threes. */
const printed = (e164: string) => `${e164.slice(-6, -3)} ${e164.slice(-3)}`;

test("a phone dials in with the PIN, waits for the host, then joins the call — live on the roster", async ({
  organiserPage: page,
  context,
}) => {
  test.setTimeout(180_000);

  // A meeting starting now (through the app's own API, as the signed-in organiser).
  const meeting = await postMeeting(page.request, "Chama dial-in", {
    startsAt: new Date().toISOString(),
    durationMinutes: 60,
  });
  await page.goto(`/meetings/${meeting.id}`);
  await expect(page.getByRole("heading", { name: "Chama dial-in" })).toBeVisible();
  const dialIn = await dialInNumber(page);

  // The caller: the emulator's phones console, in a second tab.
  const caller = fresh();
  const phonesConsole = await openPhonesConsole(context);
  const { card, keypad, transcript } = await phonesConsole.call(caller, dialIn);
  await expect(transcript).toContainText("Please enter your meeting PIN", CALL);
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
  await dialInWithPin(host, dialIn, meeting.hostPin, CALL.timeout);
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

import { phone } from "./support/emulator";
import { expect, rosterRow as row, scheduleMeeting, test } from "./support/fixtures";

// Dial-outs on a real phone network, seen live by the organiser: a voicemail answers and is asked
// to press 1 (it never does), so the roster says "No answer from a person (voicemail?)"; the network
// drops someone mid-meeting and the roster says "Dropped — calling back" until they are back in.

const n = String(Math.floor(Math.random() * 90) + 10);
const phones = {
  stayer: `+25472260${n}01`,
  dropped: `+25472260${n}02`,
  voicemail: `+2547000006${n}`, // voicemail: answers after ~3 s, never presses a key
};

// The confirmation asks twice with 6 s to answer each time, prompts at the emulator's speaking pace.
const CONFIRM = { timeout: 75_000 };
const CALL = { timeout: 30_000 };

test("the organiser sees a voicemail and a dropped call live", async ({ organiserPage: page }) => {
  test.setTimeout(240_000);

  await scheduleMeeting(page, "Chama meeting", async (form) => {
    await form.getByLabel("Waiting room until the host joins").uncheck();
    // Both protections are on by default.
    await expect(form.getByLabel(/Ask people we call to press 1/)).toBeChecked();
    await expect(form.getByLabel("Call people back when the network drops their call")).toBeChecked();
  });

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

import { phone } from "./support/emulator";
import { expect, rosterRow as row, scheduleMeeting, test } from "./support/fixtures";

// The organiser's whole meeting in a real browser against the running emulator: schedule, add a
// host and three people (one busy, one listener), Call everyone, answer phones through the
// emulator's control API, watch the roster change without reloading, mute one, kick one, end the
// meeting; every leg ends and the meeting shows its duration and cost.

// Manual numbers ring until answered through the control API; +254 700 000 1NN is always busy.
const suffix = String(Math.floor(Math.random() * 30)).padStart(2, "0");
const phones = {
  host: `+2547000005${suffix}`,
  amina: `+2547000005${String(Number(suffix) + 30).padStart(2, "0")}`,
  listener: `+2547000005${String(Number(suffix) + 60).padStart(2, "0")}`,
  busy: "+254700000101",
};

// A person who picks up hears "press 1 to join" (answer confirmation is on by default) and does.
const answer = (e164: string) => phone(e164).answerAndConfirm();
const phoneState = async (e164: string) => (await phone(e164).snapshot())?.state;

// The emulator speaks prompts at about 400 ms a word, so call-state changes get a longer wait.
const CALL = { timeout: 25_000 };

test("schedule, call everyone, watch the live roster, mute, kick and end the meeting", async ({
  organiserPage: page,
}) => {
  test.setTimeout(180_000);

  // Schedule.
  await scheduleMeeting(page, "Harambee planning", (form) =>
    form.getByLabel("Agenda", { exact: true }).fill("Budget and venue"),
  );
  await expect(page.getByRole("heading", { name: "Harambee planning" })).toBeVisible();
  await expect(page.getByTestId("meeting-pin")).toHaveText(/^\d{3} \d{3} \d{3}$/);
  await expect(page.getByTestId("invite-text")).toContainText("PIN");
  const pin = (await page.getByTestId("meeting-pin").innerText()).replace(/\s/g, "");
  const ics = await page.request.get(`${new URL(page.url()).pathname.replace("/meetings/", "/api/meetings/")}/ics`);
  expect(ics.headers()["content-type"]).toContain("text/calendar");
  const icsText = (await ics.text()).replace(/\r\n[ \t]/g, "");
  expect(icsText).toContain("SUMMARY:Harambee planning");
  expect(icsText).toContain(`PIN ${pin}`);
  // The roster streams over Server-Sent Events (SWR polling is only the fallback): scheduleMeeting
  // waited for "Live updates on".

  // A bad number is refused with a clear message; nothing is added.
  await page.getByLabel("Name", { exact: true }).fill("Wrong Number");
  await page.getByLabel("Phone", { exact: true }).fill("0712");
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByText(/not a valid phone number/)).toBeVisible();
  await expect(page.getByTestId("roster-row")).toHaveCount(0);

  // Host through the form, the others through a bulk paste (with a duplicate line refused).
  await page.getByLabel("Name", { exact: true }).fill("Halima Host");
  await page.getByLabel("Phone", { exact: true }).fill(phones.host);
  await page.getByLabel("Role", { exact: true }).selectOption("host");
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(row(page, "Halima Host")).toHaveAttribute("data-state", "invited");
  await page
    .getByLabel("One person per line")
    .fill(
      [
        `Amina Odhiambo, ${phones.amina}`,
        `Busy Bee, ${phones.busy}`,
        `Lena Listener, ${phones.listener}, listener`,
        `Amina Again, ${phones.amina}`,
      ].join("\n"),
    );
  await page.getByRole("button", { name: "Add all" }).click();
  await expect(page.getByTestId("bulk-errors")).toContainText("duplicates line 1");
  await expect(page.getByTestId("roster-row")).toHaveCount(4);

  // Call everyone: the busy number ends at once, the manual phones ring.
  await page.getByRole("button", { name: "Call everyone" }).click();
  await expect(row(page, "Busy Bee")).toHaveAttribute("data-reason", "busy", CALL);
  await expect(row(page, "Busy Bee")).toHaveAttribute("data-state", "left", CALL);
  for (const name of ["Halima Host", "Amina Odhiambo", "Lena Listener"])
    await expect(row(page, name)).toHaveAttribute("data-state", "ringing", CALL);

  // Amina answers first and waits for the host; the host's arrival starts the meeting.
  await answer(phones.amina);
  await expect(row(page, "Amina Odhiambo")).toHaveAttribute("data-state", "waiting", CALL);
  await answer(phones.host);
  await expect(row(page, "Halima Host")).toHaveAttribute("data-state", "in_call", CALL);
  await expect(row(page, "Amina Odhiambo")).toHaveAttribute("data-state", "in_call", CALL);
  await answer(phones.listener);
  await expect(row(page, "Lena Listener")).toHaveAttribute("data-state", "in_call", CALL);
  await expect(row(page, "Lena Listener")).toHaveAttribute("data-muted", "true", CALL);
  await expect(page.getByTestId("meeting-status")).toHaveText("live", CALL);
  await expect(page.getByTestId("roster-announcer")).not.toBeEmpty();

  // Mute Amina, kick the listener.
  await page.getByRole("button", { name: "Mute Amina Odhiambo" }).click();
  await expect(row(page, "Amina Odhiambo")).toHaveAttribute("data-muted", "true", CALL);
  await page.getByRole("button", { name: "Kick Lena Listener off the call" }).click();
  await expect(row(page, "Lena Listener")).toHaveAttribute("data-reason", "kicked", CALL);
  await expect.poll(() => phoneState(phones.listener)).not.toBe("in_call");

  // End the meeting for everyone.
  await page.getByRole("button", { name: "End meeting" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "End meeting" }).click();
  await expect(page.getByTestId("meeting-status")).toHaveText("ended", CALL);
  for (const name of ["Halima Host", "Amina Odhiambo"]) {
    await expect(row(page, name)).toHaveAttribute("data-state", "left", CALL);
    await expect(row(page, name)).toHaveAttribute("data-reason", "meeting_ended", CALL);
  }
  await expect(page.locator('[data-testid="roster-row"][data-state="left"]')).toHaveCount(4);
  for (const e164 of [phones.host, phones.amina, phones.listener])
    await expect.poll(() => phoneState(e164)).not.toBe("in_call");

  // The meeting shows its total duration and cost (answered legs are billed per second).
  await expect(page.getByTestId("meeting-duration")).not.toHaveText("0:00");
  await expect(page.getByTestId("meeting-cost")).toHaveText(/^KES \d+\.\d\d$/);
  await expect(page.getByTestId("meeting-cost")).not.toHaveText("KES 0.00");
});

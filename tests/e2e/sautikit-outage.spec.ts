import { emulator } from "./support/emulator";
import { expect, rosterRow as row, scheduleMeeting, test } from "./support/fixtures";

// A Sautikit outage in a real browser: with the emulator's API answering 503, Call everyone queues
// the dial, the roster shows the "not answering" banner (pushed live, no reload) and the toast says
// the calls wait; once the API is back the banner goes by itself and the phone rings, once.

const phone = `+2547000005${String(90 + Math.floor(Math.random() * 10))}`;

const callsTo = async (e164: string) => (await emulator.callsTo(e164)).length;

test.afterEach(async () => {
  await emulator.clearFaults();
});

test("the outage banner comes while dials are held back and goes when Sautikit answers again", async ({
  organiserPage: page,
}) => {
  test.setTimeout(120_000);
  await scheduleMeeting(page, "Outage drill");
  await page.getByLabel("Name", { exact: true }).fill("Queued Person");
  await page.getByLabel("Phone", { exact: true }).fill(phone);
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(row(page, "Queued Person")).toHaveAttribute("data-state", "invited");

  const banner = page.getByTestId("sautikit-outage");
  await expect(banner).toHaveCount(0);
  await emulator.faults({ outage: true });
  await page.getByRole("button", { name: "Call everyone" }).click();
  // The worker's first try meets the outage: the banner is pushed to the open page.
  await expect(banner).toHaveText("Sautikit is not answering — calls will go out as soon as it is back", {
    timeout: 20_000,
  });
  await expect(row(page, "Queued Person")).toHaveAttribute("data-state", "created");
  // Pressing again says what is really happening.
  await page.getByRole("button", { name: "Call everyone" }).click();
  await expect(page.getByText("1 person queued — the calls will go out when Sautikit is back")).toBeVisible();
  expect(await callsTo(phone)).toBe(0);

  await emulator.clearFaults();
  await expect(row(page, "Queued Person")).toHaveAttribute("data-state", "ringing", { timeout: 45_000 });
  await expect(banner).toHaveCount(0);
  expect(await callsTo(phone)).toBe(1);
  await emulator.decline(phone);
});

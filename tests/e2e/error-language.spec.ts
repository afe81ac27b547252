import { expect, test } from "@playwright/test";
import { signUp } from "./support/sign-up";

// Errors read in the page's language (ADR 0025): a server action's field errors (sign-up, zod) and
// an API's validation answer shown by a client form (the meeting form), on Swahili pages.

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test("a Swahili visitor's sign-up errors are in Swahili, field by field", async ({ browser }) => {
  const context = await browser.newContext({ locale: "sw-KE" });
  const page = await context.newPage();
  await signUp(
    page,
    { name: "Amina", email: "si-barua-pepe", password: "fupi", workspace: "X" },
    { locale: "sw", expectSignedIn: false },
  );
  await expect(page.locator("html")).toHaveAttribute("lang", "sw");

  await expect(page.getByText("Tafadhali rekebisha sehemu zilizowekwa alama.")).toBeVisible();
  await expect(page.getByText("Weka anwani sahihi ya barua pepe")).toBeVisible();
  await expect(page.getByText("Tumia angalau herufi 10", { exact: true })).toBeVisible();
  await expect(page.getByText("Tumia angalau herufi 2", { exact: true })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-up$/);
  await expect(page.getByText("Please fix the highlighted fields.")).toHaveCount(0);
  await context.close();
});

test("the meeting form shows the API's refusal in Swahili on the field it concerns", async ({ browser }) => {
  const context = await browser.newContext({ locale: "sw-KE" });
  const page = await context.newPage();
  await signUp(
    page,
    {
      name: "Mratibu",
      email: `makosa-${run}@e2e.mkutano.test`,
      password: "makosa-password-42",
      workspace: `Makosa ${run}`,
    },
    { locale: "sw" },
  );

  await page.goto("/meetings/new");
  await page.getByLabel("Kichwa", { exact: true }).fill("Mkutano wa bajeti");
  // The browser's own range check is off (noValidate): the server is the judge, and says why.
  await page.getByLabel("Idadi ya juu (watu kwenye simu)", { exact: true }).fill("1");
  await page.getByRole("button", { name: "Panga mkutano" }).click();
  await expect(page.getByText("Idadi ya nafasi lazima iwe angalau 2.").first()).toBeVisible();
  await expect(page).toHaveURL(/\/meetings\/new$/);
  await expect(page.getByText("Capacity must be at least 2.")).toHaveCount(0);
  await context.close();
});

import { expect, test, type Page } from "@playwright/test";

// The web app's language: Accept-Language for visitors, the switcher in the user menu, the choice
// stored on the user (it follows them to another browser), <html lang> following it throughout.

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const user = { name: "Amina Lugha", email: `lugha-${run}@e2e.mkutano.test`, password: "lugha-password-42" };

async function signIn(page: Page) {
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/meetings$/);
}

test("a visitor's browser language picks the page language", async ({ browser }) => {
  const swahili = await browser.newContext({ locale: "sw-KE" });
  const page = await swahili.newPage();
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "sw");
  await expect(page.getByRole("button", { name: "Kiswahili" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("heading", { level: 1, name: "Ingia" })).toBeVisible();
  await expect(page.getByLabel("Nenosiri", { exact: true })).toBeVisible();
  await swahili.close();

  const english = await browser.newContext({ locale: "en-GB" });
  const other = await english.newPage();
  await other.goto("/sign-in");
  await expect(other.locator("html")).toHaveAttribute("lang", "en");
  await english.close();
});

test("the user menu switches to Swahili, the choice is stored on the user, and back", async ({ page, browser }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Your name", { exact: true }).fill(user.name);
  await page.getByLabel("Work email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByLabel("Workspace name", { exact: true }).fill(`Lugha ${run}`);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/meetings$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const mainNav = (name: string) => page.getByRole("navigation", { name, exact: true });
  await expect(mainNav("Main").getByRole("link", { name: "Meetings", exact: true })).toBeVisible();

  await page.getByTestId("user-menu").click();
  await page.getByRole("button", { name: "Kiswahili" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "sw");
  await expect(page).toHaveURL(/\/meetings$/);
  await expect(mainNav("Kuu").getByRole("link", { name: "Mikutano", exact: true })).toBeVisible();
  await expect(mainNav("Kuu").getByRole("link", { name: "Mipangilio", exact: true })).toBeVisible();
  await expect(page.getByTestId("user-menu")).toHaveAccessibleName(`Menyu ya akaunti ya ${user.name}`);
  await expect(page.getByRole("heading", { level: 1, name: "Mikutano", exact: true })).toBeVisible();
  await expect(page.getByText("Bado hakuna mikutano")).toBeVisible();

  // Stored on the user, not only in this browser: a fresh English browser signing in gets Swahili.
  const elsewhere = await browser.newContext({ locale: "en-US" });
  const second = await elsewhere.newPage();
  await signIn(second);
  await expect(second.locator("html")).toHaveAttribute("lang", "sw");
  await expect(
    second.getByRole("navigation", { name: "Kuu", exact: true }).getByRole("link", { name: "Mikutano", exact: true }),
  ).toBeVisible();
  await elsewhere.close();

  // And back to English (the menu stays open across the re-render, showing the pressed choice).
  await expect(page.getByTestId("user-menu")).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("button", { name: "Kiswahili" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(mainNav("Main").getByRole("link", { name: "Meetings", exact: true })).toBeVisible();
});

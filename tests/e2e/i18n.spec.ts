import { expect, test } from "@playwright/test";
import { account, runTag, signIn, signUp } from "./support/fixtures";

// The web app's language: Accept-Language for visitors, the switcher in the user menu, the choice
// stored on the user (it follows them to another browser), <html lang> following it throughout.

const run = runTag();
const user = account("Amina Lugha", "lugha", run, "lugha-password-42");

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
  await signUp(page, user, `Lugha ${run}`);
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
  await signIn(second, user);
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

test("every page of the app reads in Swahili, chosen on the profile page", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await signUp(page, account("Baraka Kurasa", "kurasa", run, "kurasa-password-42"), `Kurasa ${run}`);

  // The profile's language section: the browser decides until the user chooses.
  await page.goto("/profile");
  await expect(page.getByTestId("profile-language-auto")).toHaveAttribute("aria-pressed", "true");
  await page.getByTestId("profile-language-sw").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "sw");
  await expect(page.getByTestId("profile-language-sw")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("profile-language-current")).toHaveText("Umechagua Kiswahili.");

  // Each page: its heading in Swahili, and no catalog key left showing (an island missing its
  // namespace renders "Namespace.key" in production).
  const pages: [string, string][] = [
    ["/meetings/new", "Mkutano mpya"],
    ["/recordings", "Rekodi"],
    ["/admin/calls", "Kumbukumbu za simu"],
    ["/admin/spend", "Matumizi"],
    ["/admin/webhooks", "Kumbukumbu za webhook"],
    ["/admin/audit", "Kumbukumbu za ukaguzi"],
    ["/settings", "Mipangilio"],
    ["/settings/members", "Wanachama"],
    ["/settings/sautikit", "Muunganisho wa Sautikit"],
    ["/profile", "Wasifu wako"],
    ["/workspaces/new", "Eneo jipya la kazi"],
  ];
  // On a 390 px phone: Swahili words are longer, and a page must still not scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [path, heading] of pages) {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("lang", "sw");
    await expect(page.getByRole("heading", { level: 1, name: heading, exact: true }), path).toBeVisible();
    const sideways = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(sideways, `${path} scrolls sideways at 390 px in Swahili`).toBe(0);
    const text = await page.locator("body").innerText();
    expect(text.match(/\b[A-Z][A-Za-z]+\.[a-z][A-Za-z]+(\.[a-z_]+)*\b/g) ?? [], `catalog keys on ${path}`).toEqual([]);
  }
  // Audit entries are described in the reader's language (signing up created the workspace).
  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-row").filter({ hasText: "Aliunda eneo la kazi" })).toHaveCount(1);
  // Form text in the island: the meeting form's labels and its own validation message.
  await page.goto("/meetings/new");
  await expect(page.getByLabel("Kichwa", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Panga mkutano" })).toBeVisible();

  // Back to the browser's language: the choice is forgotten and Accept-Language (English) decides.
  await page.goto("/profile");
  await page.getByTestId("profile-language-auto").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByTestId("profile-language-current")).toContainText("browser's language is used (English)");
  expect(errors).toEqual([]);
  await context.close();
});

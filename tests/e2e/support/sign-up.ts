import { expect, type Page } from "@playwright/test";

// Creates a workspace through the real sign-up form (its labels in the page's language), landing on
// /meetings signed in as its admin.

const LABELS = {
  en: {
    name: "Your name",
    email: "Work email",
    password: "Password",
    workspace: "Workspace name",
    submit: "Create workspace",
  },
  sw: {
    name: "Jina lako",
    email: "Barua pepe ya kazi",
    password: "Nenosiri",
    workspace: "Jina la eneo la kazi",
    submit: "Unda eneo la kazi",
  },
} as const;

export type SignUpFields = { name: string; email: string; password: string; workspace: string };

/** Fills and sends the sign-up form; `expectSignedIn: false` leaves the page where the form answered. */
export async function signUp(
  page: Page,
  fields: SignUpFields,
  opts: { locale?: keyof typeof LABELS; expectSignedIn?: boolean } = {},
): Promise<void> {
  const l = LABELS[opts.locale ?? "en"];
  await page.goto("/sign-up");
  await page.getByLabel(l.name, { exact: true }).fill(fields.name);
  await page.getByLabel(l.email, { exact: true }).fill(fields.email);
  await page.getByLabel(l.password, { exact: true }).fill(fields.password);
  await page.getByLabel(l.workspace, { exact: true }).fill(fields.workspace);
  await page.getByRole("button", { name: l.submit }).click();
  if (opts.expectSignedIn ?? true) await expect(page).toHaveURL(/\/meetings$/);
}

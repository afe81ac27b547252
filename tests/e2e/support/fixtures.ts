// What most e2e specs begin with, done once and the way a person does it: accounts through the
// sign-up, sign-in and invite forms, a meeting scheduled on the New meeting page, the live roster's
// rows, and the emulator's phones console in a second tab. `test` adds an `organiserPage` fixture:
// the test's page, signed up with a brand-new workspace, so a spec starts signed in.
import {
  type APIRequestContext,
  type BrowserContext,
  expect,
  type Page,
  request,
  test as base,
} from "@playwright/test";
import { E2E_APP_URL, E2E_EMULATOR_URL } from "./urls";

/** A tag unique to one run of a spec file, so its accounts and workspaces never meet an earlier run's. */
export const runTag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export type Account = { name: string; email: string; password: string };

/** An account on the e2e mail domain: `<slug>-<tag>@e2e.mkutano.test`. */
export const account = (name: string, slug: string, tag: string, password = "correct-horse-battery"): Account => ({
  name,
  email: `${slug}-${tag}@e2e.mkutano.test`,
  password,
});

// The seeded demo workspace's people (scripts/seed.ts).
export const DEMO_ADMIN = { email: "admin@demo.mkutano.local", password: "mkutano-admin-1" };
export const DEMO_ORGANISER = { email: "organiser@demo.mkutano.local", password: "mkutano-organiser-1" };

/** The sign-up form: a new user and their new workspace; ends signed in on /meetings. */
export async function signUp(page: Page, who: Account, workspace: string): Promise<void> {
  await page.goto("/sign-up");
  await fillSignUp(page, who, workspace);
}

/** Fills and sends the sign-up form the page already shows; ends signed in on /meetings. */
export async function fillSignUp(page: Page, who: Account, workspace: string): Promise<void> {
  await page.getByLabel("Your name", { exact: true }).fill(who.name);
  await page.getByLabel("Work email", { exact: true }).fill(who.email);
  await page.getByLabel("Password", { exact: true }).fill(who.password);
  await page.getByLabel("Workspace name", { exact: true }).fill(workspace);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/meetings$/, { timeout: 30_000 });
}

/** The sign-in form, submitted; the caller checks where it lands (a wrong password stays put). */
export async function submitSignIn(page: Page, who: Pick<Account, "email" | "password">): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(who.email);
  await page.getByLabel("Password", { exact: true }).fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in and waits for the meetings list. */
export async function signIn(page: Page, who: Pick<Account, "email" | "password">): Promise<void> {
  await submitSignIn(page, who);
  await expect(page).toHaveURL(/\/meetings$/);
}

/**
 * A signed-in API client, signed in the way the sign-in form posts (Auth.js credentials callback
 * with its CSRF token), without a browser.
 */
export async function signedInRequest(who: Pick<Account, "email" | "password">): Promise<APIRequestContext> {
  const ctx = await request.newContext({ baseURL: E2E_APP_URL });
  const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await ctx.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: who.email, password: who.password, callbackUrl: "/meetings" },
    maxRedirects: 0,
  });
  expect(res.status(), `sign-in ${who.email}`).toBe(302);
  expect(res.headers().location, `sign-in ${who.email}`).toMatch(/\/meetings$/);
  return ctx;
}

/** An admin's invite from Settings → Members; returns the one-time link's path (/invite/<token>). */
export async function createInvite(page: Page, email: string, role: "admin" | "organiser"): Promise<string> {
  await page.goto("/settings/members");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption(role);
  await page.getByRole("button", { name: "Create invite link" }).click();
  await expect(page.getByTestId("invite-link")).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  return new URL(await page.getByTestId("invite-link").inputValue()).pathname;
}

/** A newcomer opens an invite link, makes an account and joins; ends on /meetings. */
export async function acceptInvite(page: Page, invitePath: string, who: Omit<Account, "email">): Promise<void> {
  await page.goto(invitePath);
  await page.getByLabel("Your name", { exact: true }).fill(who.name);
  await page.getByLabel("Choose a password", { exact: true }).fill(who.password);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page).toHaveURL(/\/meetings$/);
}

/** One person's row on the live roster. */
export const rosterRow = (page: Page, name: string) =>
  page.locator(`[data-testid="roster-row"][data-person="${name}"]`);

/**
 * Schedules a meeting on the New meeting page (`fill` sets more of the form before it is sent) and
 * waits for its page with the roster's live updates connected.
 */
export async function scheduleMeeting(page: Page, title: string, fill?: (page: Page) => Promise<void>): Promise<void> {
  await page.getByRole("link", { name: "New meeting" }).first().click();
  await page.getByLabel("Title", { exact: true }).fill(title);
  await fill?.(page);
  await page.getByRole("button", { name: "Schedule meeting" }).click();
  await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await expect(page.getByText("Live updates on")).toBeVisible();
}

/** The dial-in number the meeting page's invite text names, e.g. "+254711082000". */
export async function dialInNumber(page: Page): Promise<string> {
  const invite = await page.getByTestId("invite-text").textContent();
  const number = /call (\+[\d ]+?) and enter PIN/.exec(invite ?? "")?.[1]?.replace(/\s+/g, "");
  expect(number, "the invite names the dial-in number").toMatch(/^\+\d{9,15}$/);
  return number!;
}

/**
 * The emulator's phones console in a new tab of `context`: `call` places a call from the console's
 * form, as a person does, and returns that phone's card with its keypad and transcript.
 */
export async function openPhonesConsole(context: BrowserContext) {
  const consolePage = await context.newPage();
  await consolePage.goto(`${E2E_EMULATOR_URL}/`);
  await expect(consolePage.getByTestId("connection")).toHaveText(/Live/);
  return {
    page: consolePage,
    async call(from: string, to: string) {
      await consolePage.getByLabel("From phone").fill(from);
      await consolePage.getByLabel("To number").selectOption(to);
      await consolePage.getByRole("button", { name: "Call", exact: true }).click();
      const card = consolePage.getByTestId(`phone-${from}`);
      return {
        card,
        keypad: card.getByRole("group", { name: /^Keypad for/ }),
        transcript: card.getByRole("list", { name: /^Transcript for/ }),
      };
    },
  };
}

export const test = base.extend<{ organiserPage: Page }>({
  // The test's own page, signed up as the admin of a brand-new workspace: nothing another spec (or
  // a retry) made is in it.
  // (Playwright's `use`, named so React's hook lint does not take it for a hook.)
  organiserPage: async ({ page }, provide) => {
    const tag = runTag();
    await signUp(page, account("Organiser", "organiser", tag), `Workspace ${tag}`);
    await provide(page);
  },
});

export { expect };

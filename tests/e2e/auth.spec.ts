import { expect, test } from "@playwright/test";
import { acceptInvite, account, createInvite, runTag, signUp, submitSignIn } from "./support/fixtures";

// The whole account lifecycle through the UI: sign up (a workspace is created), sign out, a wrong
// password is refused, sign in, invite a member, the member accepts in a separate browser and sees
// only this workspace, as an organiser.

const run = runTag();
const admin = account("Wanjiru Admin", "admin", run);
const member = account("Otieno Member", "member", run, "member-password-42");
const workspaceName = `E2E Coop ${run}`;

test("sign up, sign out, wrong password, sign in, invite, member accepts and sees only this workspace", async ({
  page,
  browser,
}) => {
  // Sign up: a workspace is created with the new user as its admin.
  await signUp(page, admin, workspaceName);
  await expect(page.getByTestId("workspace-switcher")).toContainText(workspaceName);
  await expect(page.getByRole("heading", { level: 1, name: "Meetings", exact: true })).toBeVisible();
  // Admin navigation is present for the admin.
  await expect(
    page.getByRole("navigation", { name: "Main", exact: true }).getByRole("link", { name: "Settings" }),
  ).toBeVisible();

  // Sign out from the user menu.
  await page.getByTestId("user-menu").click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  // Signed out, a protected page sends us back to sign-in, remembering where we were going.
  await page.goto("/settings/members");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings%2Fmembers/);

  // A wrong password is refused with a message that does not say whether the account exists.
  await submitSignIn(page, { email: admin.email, password: "not-the-password" });
  await expect(page.getByTestId("form-error")).toHaveText("That email and password don't match an account.");
  await expect(page).toHaveURL(/\/sign-in/);

  // The right password signs in.
  await submitSignIn(page, admin);
  await expect(page).toHaveURL(/\/meetings$/);
  await expect(page.getByTestId("workspace-switcher")).toContainText(workspaceName);

  // Invite a member as organiser; the one-time link is shown to share.
  await page.goto("/settings/members");
  await expect(page.getByRole("heading", { name: "Members", exact: true })).toBeVisible();
  await expect(page.getByTestId("member-row")).toHaveCount(1);
  const invitePath = await createInvite(page, member.email, "organiser");
  await expect(page.getByTestId("invite-row")).toContainText(member.email);

  // The member opens the link in their own browser, creates an account and joins.
  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  await memberPage.goto(invitePath);
  await expect(memberPage.getByRole("heading", { name: `Join ${workspaceName}` })).toBeVisible();
  await acceptInvite(memberPage, invitePath, member);

  // The member sees this workspace, and only this one, as an organiser.
  const switcher = memberPage.getByTestId("workspace-switcher");
  await expect(switcher).toContainText(workspaceName);
  await switcher.click();
  const choices = memberPage.locator(`#${await switcher.getAttribute("aria-controls")} li`);
  await expect(choices).toHaveCount(1);
  await expect(choices.first()).toContainText(workspaceName);
  await expect(choices.first()).toContainText("Organiser");
  await memberPage.keyboard.press("Escape");
  const nav = memberPage.getByRole("navigation", { name: "Main", exact: true });
  await expect(nav.getByRole("link", { name: "Meetings" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Call log" })).toHaveCount(0);

  // Admin pages are refused to an organiser, not just hidden.
  const refused = await memberPage.goto("/settings/members");
  expect(refused?.status()).toBe(403);
  await expect(memberPage.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();

  // The invite is single use.
  await memberContext.clearCookies();
  await memberPage.goto(invitePath);
  await expect(memberPage.getByTestId("invite-unavailable")).toContainText("already been used");
  await memberContext.close();

  // Back with the admin: the member is listed and the invite is no longer pending.
  await page.reload();
  await expect(page.getByTestId("member-row")).toHaveCount(2);
  await expect(page.getByTestId("member-row").filter({ hasText: member.email })).toBeVisible();
  await expect(page.getByTestId("invite-row")).toHaveCount(0);
});

test("a user in two workspaces switches between them; an admin resets their password, removes them and starts another workspace", async ({
  page,
  browser,
}) => {
  const tag = `${run}b`;
  const owner = account("Achieng Owner", "owner", tag, "owner-password-77");
  const other = account("Kamau Other", "other", tag, "other-password-88");
  const first = `First Coop ${tag}`;
  const second = `Second Coop ${tag}`;

  await signUp(page, owner, first);
  const otherContext = await browser.newContext();
  const otherPage = await otherContext.newPage();
  await signUp(otherPage, other, second);

  // The owner invites someone who already has an account, as an admin.
  const otherInvitePath = await createInvite(page, other.email, "admin");

  // Already signed in as the invitee: one click joins, and the new workspace becomes current.
  await otherPage.goto(otherInvitePath);
  await otherPage.getByRole("button", { name: `Join ${first}` }).click();
  await expect(otherPage).toHaveURL(/\/meetings$/);
  const switcher = otherPage.getByTestId("workspace-switcher");
  await expect(switcher).toContainText(first);

  // Both workspaces are offered; switching changes the current one.
  await switcher.click();
  const panel = otherPage.locator(`#${await switcher.getAttribute("aria-controls")}`);
  await expect(panel.locator("li")).toHaveCount(2);
  await panel.getByRole("button", { name: new RegExp(second) }).click();
  await expect(switcher).toContainText(second);
  await expect(otherPage.getByRole("heading", { level: 1, name: "Meetings", exact: true })).toBeVisible();

  // They belong to another workspace too, so the owner gets no reset link for them (it would open
  // their whole account, including the workspace they run): they are told to use Forgot password.
  await page.reload();
  const row = page.getByTestId("member-row").filter({ hasText: other.email });
  await row.getByRole("button", { name: `Reset password for ${other.name}` }).click();
  await expect(page.getByTestId("reset-self-service")).toContainText("Forgot password");
  await expect(page.getByTestId("reset-link")).toHaveCount(0);

  // The owner removes them after confirming; they are gone from the list.
  await row.getByRole("button", { name: `Remove ${other.name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Remove ${other.name}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByTestId("member-row")).toHaveCount(1);
  await expect(page.getByTestId("status-message")).toContainText(`${other.name} was removed.`);
  // Removal ends every session of theirs at once, even though they still have their own workspace.
  await otherPage.reload();
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await otherContext.close();

  // A signed-in user can start another workspace of their own from the switcher.
  const third = `Third Coop ${tag}`;
  const ownerSwitcher = page.getByTestId("workspace-switcher");
  await ownerSwitcher.click();
  await page.getByRole("link", { name: "New workspace…" }).click();
  await page.getByLabel("Workspace name", { exact: true }).fill(third);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/meetings$/);
  await expect(ownerSwitcher).toContainText(third);
  await ownerSwitcher.click();
  await expect(page.locator(`#${await ownerSwitcher.getAttribute("aria-controls")} li`)).toHaveCount(2);
});

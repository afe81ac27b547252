"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signOut } from "@/auth";
import { getSessionUser } from "@/lib/auth/actor";
import { WORKSPACE_COOKIE } from "@/lib/auth/constants";
import { workspaceCookieOptions } from "@/lib/auth/cookie-options";
import { safeNextPath } from "@/lib/auth/schemas";
import { assertMembership } from "@/lib/workspaces/switch-workspace";

// Server actions for the signed-in shell (Next origin-checks every server action).

// Auth.js's signOut event (auth.ts) revokes every server-side session of the user: this browser,
// any other device and any copied cookie. "Sign out everywhere" on the profile page is the same
// action, spelled out for people who want to be sure.
export async function signOutAction(formData: FormData): Promise<void> {
  const next = formData.get("next");
  await signOut({ redirectTo: safeNextPath(next, "/sign-in") });
}

export async function switchWorkspaceAction(formData: FormData): Promise<void> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const workspaceId = String(formData.get("workspaceId") ?? "");
  await assertMembership(user.id, workspaceId);
  (await cookies()).set(WORKSPACE_COOKIE, workspaceId, workspaceCookieOptions());
  // Ids in the current URL belong to the previous workspace; start from its home page.
  redirect("/meetings");
}

"use server";

import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { getSessionUser } from "@/lib/auth/actor";
import { WORKSPACE_COOKIE } from "@/lib/auth/constants";
import { workspaceCookieOptions } from "@/lib/auth/cookie-options";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { safeNextPath, signInSchema } from "@/lib/auth/schemas";
import { formError, formFields, type FormState } from "@/lib/http/form-state";
import { acceptInviteAsUser, acceptInviteWithNewAccount } from "@/lib/workspaces/accept-invite";
import { signUp } from "@/lib/workspaces/sign-up";

// Thin server actions: parse, call one domain function, sign in, redirect. Next checks the Origin
// of every server action, so these are CSRF-safe.

async function signInAndRedirect(email: string, password: string, redirectTo: string): Promise<FormState | never> {
  try {
    await signIn("credentials", { email, password, redirectTo });
  } catch (e) {
    if (e instanceof AuthError) {
      const t = await getTranslations("Auth");
      const code = (e as { code?: string }).code;
      if (code === "rate_limited") {
        const seconds = (e as { retryAfterSeconds?: number }).retryAfterSeconds ?? 900;
        const minutes = Math.max(1, Math.ceil(seconds / 60));
        return { error: t("tooManyAttempts", { minutes }), values: { email } };
      }
      return { error: t("badCredentials"), values: { email } };
    }
    throw e;
  }
  return {};
}

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData, ["email", "password", "next"] as const);
  const parsed = signInSchema.safeParse(fields);
  if (!parsed.success) return formError(parsed.error, { email: fields.email });
  return signInAndRedirect(parsed.data.email, parsed.data.password, safeNextPath(fields.next));
}

export async function signUpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData, ["name", "email", "password", "workspaceName"] as const);
  const values = { name: fields.name, email: fields.email, workspaceName: fields.workspaceName };
  let workspaceId: string;
  try {
    ({ workspaceId } = await signUp(fields));
  } catch (e) {
    return formError(e, values);
  }
  (await cookies()).set(WORKSPACE_COOKIE, workspaceId, workspaceCookieOptions());
  return signInAndRedirect(fields.email.trim().toLowerCase(), fields.password, "/meetings");
}

export async function acceptInviteNewAccountAction(
  token: string,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const fields = formFields(formData, ["name", "password"] as const);
  let accepted;
  try {
    accepted = await acceptInviteWithNewAccount(token, fields);
  } catch (e) {
    return formError(e, { name: fields.name });
  }
  (await cookies()).set(WORKSPACE_COOKIE, accepted.workspaceId, workspaceCookieOptions());
  return signInAndRedirect(accepted.email, fields.password, "/meetings");
}

export async function acceptInviteSignedInAction(token: string, _prev: FormState): Promise<FormState> {
  const user = await getSessionUser();
  if (!user) {
    const t = await getTranslations("Auth");
    return { error: t("sessionEnded") };
  }
  let workspaceId: string;
  try {
    workspaceId = await acceptInviteAsUser(token, user);
  } catch (e) {
    return formError(e);
  }
  (await cookies()).set(WORKSPACE_COOKIE, workspaceId, workspaceCookieOptions());
  redirect("/meetings");
}

export async function resetPasswordAction(token: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData, ["password", "confirm"] as const);
  let email: string;
  try {
    ({ email } = await resetPassword(token, fields));
  } catch (e) {
    return formError(e);
  }
  return signInAndRedirect(email, fields.password, "/meetings");
}

export async function forgotPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData, ["email"] as const);
  try {
    const { mailConfigured } = await requestPasswordReset(fields);
    if (!mailConfigured) return { error: (await getTranslations("ForgotPassword"))("unavailable"), values: fields };
  } catch (e) {
    return formError(e, fields);
  }
  // The same answer whether or not the address has an account.
  return { ok: true, result: { email: fields.email.trim().toLowerCase() } };
}

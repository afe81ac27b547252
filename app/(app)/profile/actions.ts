"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { getSessionUser } from "@/lib/auth/actor";
import { changePassword, renameUser } from "@/lib/auth/update-profile";
import { formError, formFields, type FormState } from "@/lib/http/form-state";

// The signed-in user's own account. Each action re-reads the session; the domain functions act on
// that user only (no ids come from the form).

export async function renameAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData, ["name"] as const);
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?next=%2Fprofile");
  try {
    await renameUser(user, fields);
  } catch (e) {
    return formError(e, fields);
  }
  revalidatePath("/", "layout");
  return { ok: true };
}

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData, ["current", "password", "confirm"] as const);
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?next=%2Fprofile");
  try {
    await changePassword(user, fields);
  } catch (e) {
    return formError(e);
  }
  // Every session ended with the old password, this one too: start a fresh one here.
  await signIn("credentials", {
    email: user.email,
    password: fields.password,
    redirectTo: "/profile?password=changed",
  });
  return { ok: true };
}

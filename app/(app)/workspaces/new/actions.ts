"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/actor";
import { WORKSPACE_COOKIE } from "@/lib/auth/constants";
import { workspaceCookieOptions } from "@/lib/auth/cookie-options";
import { formError, formFields, type FormState } from "@/lib/http/form-state";
import { createWorkspace } from "@/lib/workspaces/create-workspace";

export async function createWorkspaceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData, ["name"] as const);
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  let workspaceId: string;
  try {
    ({ workspaceId } = await createWorkspace(user.id, fields));
  } catch (e) {
    return formError(e, fields);
  }
  (await cookies()).set(WORKSPACE_COOKIE, workspaceId, workspaceCookieOptions());
  redirect("/meetings");
}

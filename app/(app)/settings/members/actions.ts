"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/actor";
import { issuePasswordReset } from "@/lib/auth/password-reset";
import { roleSchema } from "@/lib/auth/schemas";
import { formError, formFields, type FormState } from "@/lib/http/form-state";
import { changeMemberRole, removeMember } from "@/lib/workspaces/change-member";
import { createInvite, revokeInvite } from "@/lib/workspaces/invites";

// Admin-only member management. Each action re-checks the session and role; the domain functions
// scope every query to the actor's workspace.
const PATH = "/settings/members";

export async function inviteMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData, ["email", "role"] as const);
  try {
    const actor = await requireActor({ admin: true });
    const { url, emailed, invite } = await createInvite(actor, fields);
    revalidatePath(PATH);
    return { ok: true, result: { url, emailed, email: invite.email } };
  } catch (e) {
    return formError(e, fields);
  }
}

export async function changeRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { membershipId, role } = formFields(formData, ["membershipId", "role"] as const);
  try {
    const actor = await requireActor({ admin: true });
    await changeMemberRole(actor, membershipId, roleSchema.parse(role));
    revalidatePath(PATH);
    return { ok: true };
  } catch (e) {
    return formError(e);
  }
}

export async function removeMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { membershipId } = formFields(formData, ["membershipId"] as const);
  try {
    const actor = await requireActor({ admin: true });
    await removeMember(actor, membershipId);
    revalidatePath(PATH);
    return { ok: true };
  } catch (e) {
    return formError(e);
  }
}

export async function revokeInviteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { inviteId } = formFields(formData, ["inviteId"] as const);
  try {
    const actor = await requireActor({ admin: true });
    await revokeInvite(actor, inviteId);
    revalidatePath(PATH);
    return { ok: true };
  } catch (e) {
    return formError(e);
  }
}

export async function issueResetAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { membershipId } = formFields(formData, ["membershipId"] as const);
  try {
    const actor = await requireActor({ admin: true });
    const issued = await issuePasswordReset(actor, membershipId);
    return { ok: true, result: issued };
  } catch (e) {
    return formError(e);
  }
}

"use server";

import { revalidatePath } from "next/cache";
import { type Actor, requireActor } from "@/lib/auth/actor";
import { issuePasswordReset } from "@/lib/auth/password-reset";
import { roleSchema } from "@/lib/auth/schemas";
import { formError, formFields, type FormState } from "@/lib/http/form-state";
import { changeMemberRole, removeMember } from "@/lib/workspaces/change-member";
import { createInvite, revokeInvite } from "@/lib/workspaces/invites";

// Admin-only member management. Each action re-checks the session and role; the domain functions
// scope every query to the actor's workspace.
const PATH = "/settings/members";

/**
 * One action of this page: the named fields from the form, the session and admin role checked,
 * one domain function, then the members page refreshed (`refresh: false` where nothing on it
 * changed). A refusal comes back as the form's error (with what was typed, if `keepValues`).
 */
async function memberAction<K extends string>(
  formData: FormData,
  keys: readonly K[],
  run: (actor: Actor, fields: Record<K, string>) => Promise<FormState["result"] | void>,
  { refresh = true, keepValues = false } = {},
): Promise<FormState> {
  const fields = formFields(formData, keys);
  try {
    const actor = await requireActor({ admin: true });
    const result = await run(actor, fields);
    if (refresh) revalidatePath(PATH);
    return result ? { ok: true, result } : { ok: true };
  } catch (e) {
    return keepValues ? formError(e, fields) : formError(e);
  }
}

export async function inviteMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return memberAction(
    formData,
    ["email", "role"],
    async (actor, fields) => {
      const { url, emailed, invite } = await createInvite(actor, fields);
      return { url, emailed, email: invite.email };
    },
    { keepValues: true },
  );
}

export async function changeRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, ["membershipId", "role"], (actor, f) =>
    changeMemberRole(actor, f.membershipId, roleSchema.parse(f.role)),
  );
}

export async function removeMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, ["membershipId"], (actor, f) => removeMember(actor, f.membershipId));
}

export async function revokeInviteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, ["inviteId"], (actor, f) => revokeInvite(actor, f.inviteId));
}

export async function issueResetAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, ["membershipId"], (actor, f) => issuePasswordReset(actor, f.membershipId), {
    refresh: false,
  });
}

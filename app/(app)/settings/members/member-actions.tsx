"use client";

import { useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Select } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { useStatusMessage } from "@/components/ui/status-message";
import type { FormState } from "@/lib/http/form-state";
import { useT } from "@/lib/i18n/client";
import {
  changeRoleAction,
  issueResetAction,
  removeMemberAction,
  revokeInviteAction,
} from "@/app/(app)/settings/members/actions";
import { OneTimeLink } from "@/app/(app)/settings/members/one-time-link";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/**
 * Runs a server action from a form and announces the outcome in the app-wide live region. The
 * announcement does not depend on this component surviving: removing a member re-renders the
 * list without its row.
 */
function useAnnouncedAction(action: Action, success: string) {
  const [state, setState] = useState<FormState>({});
  const announce = useStatusMessage();
  async function dispatch(formData: FormData) {
    const result = await action({}, formData);
    if (result.error) announce(result.error, "error");
    else if (result.ok) announce(success);
    setState(result);
  }
  return [state, dispatch] as const;
}

export function RoleForm({
  membershipId,
  role,
  name,
}: {
  membershipId: string;
  role: "admin" | "organiser";
  name: string;
}) {
  const [, dispatch] = useAnnouncedAction(changeRoleAction, `Role updated for ${name}.`);
  return (
    <form action={dispatch} className="flex items-center gap-2">
      <input type="hidden" name="membershipId" value={membershipId} />
      <label className="sr-only" htmlFor={`role-${membershipId}`}>
        Role for {name}
      </label>
      <Select id={`role-${membershipId}`} name="role" defaultValue={role} className="h-8 w-36" key={role}>
        <option value="organiser">Organiser</option>
        <option value="admin">Admin</option>
      </Select>
      <SubmitButton variant="secondary" size="sm" aria-label={`Save role for ${name}`}>
        Save
      </SubmitButton>
    </form>
  );
}

export function RemoveMemberButton({
  membershipId,
  name,
  isYou,
}: {
  membershipId: string;
  name: string;
  isYou: boolean;
}) {
  const [, dispatch] = useAnnouncedAction(removeMemberAction, `${name} was removed.`);
  return (
    <ConfirmDialog
      trigger={
        <span>
          Remove<span className="sr-only"> {name}</span>
        </span>
      }
      title={isYou ? "Leave this workspace?" : `Remove ${name}?`}
      description={
        isYou
          ? "You will lose access to this workspace straight away."
          : `${name} will lose access to this workspace straight away. Their meetings stay.`
      }
      confirmLabel={isYou ? "Leave" : "Remove"}
      action={dispatch}
    >
      <input type="hidden" name="membershipId" value={membershipId} />
    </ConfirmDialog>
  );
}

export function ResetPasswordButton({ membershipId, name }: { membershipId: string; name: string }) {
  const [state, dispatch] = useAnnouncedAction(issueResetAction, `Password reset handled for ${name}.`);
  const t = useT("MemberReset");
  const result = state.ok ? state.result : undefined;
  return (
    <div className="space-y-2">
      <form action={dispatch}>
        <input type="hidden" name="membershipId" value={membershipId} />
        <SubmitButton variant="ghost" size="sm">
          Reset password<span className="sr-only"> for {name}</span>
        </SubmitButton>
      </form>
      {result?.kind === "link" ? (
        <OneTimeLink
          testId="reset-link"
          title={`Password reset link for ${String(result.email)}`}
          url={String(result.url)}
          note={
            result.emailed
              ? "We also emailed it. It works once, within an hour."
              : "Share it with them. It works once, within an hour."
          }
        />
      ) : result?.kind === "emailed" ? (
        <Notice tone="success" testId="reset-emailed">
          {t("emailed", { email: String(result.email) })}
        </Notice>
      ) : result?.kind === "self-service" ? (
        <Notice tone="warning" testId="reset-self-service">
          {t("selfService", { email: String(result.email) })}
        </Notice>
      ) : null}
    </div>
  );
}

export function RevokeInviteButton({ inviteId, email }: { inviteId: string; email: string }) {
  const [, dispatch] = useAnnouncedAction(revokeInviteAction, `Invite for ${email} revoked.`);
  return (
    <form action={dispatch}>
      <input type="hidden" name="inviteId" value={inviteId} />
      <SubmitButton variant="ghost" size="sm">
        Revoke<span className="sr-only"> invite for {email}</span>
      </SubmitButton>
    </form>
  );
}

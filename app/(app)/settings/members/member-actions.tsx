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
  const t = useT("MemberActions");
  const [, dispatch] = useAnnouncedAction(changeRoleAction, t("roleUpdated", { name }));
  return (
    <form action={dispatch} className="flex items-center gap-2">
      <input type="hidden" name="membershipId" value={membershipId} />
      <label className="sr-only" htmlFor={`role-${membershipId}`}>
        {t("roleFor", { name })}
      </label>
      <Select id={`role-${membershipId}`} name="role" defaultValue={role} className="h-8 w-36" key={role}>
        <option value="organiser">{t("organiser")}</option>
        <option value="admin">{t("admin")}</option>
      </Select>
      <SubmitButton variant="secondary" size="sm" aria-label={t("saveRoleFor", { name })}>
        {t("save")}
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
  const t = useT("MemberActions");
  const [, dispatch] = useAnnouncedAction(removeMemberAction, t("removed", { name }));
  return (
    <ConfirmDialog
      trigger={
        <span>
          {t("remove")}
          <span className="sr-only"> {name}</span>
        </span>
      }
      title={isYou ? t("leaveTitle") : t("removeTitle", { name })}
      description={isYou ? t("leaveDescription") : t("removeDescription", { name })}
      confirmLabel={isYou ? t("leave") : t("remove")}
      action={dispatch}
    >
      <input type="hidden" name="membershipId" value={membershipId} />
    </ConfirmDialog>
  );
}

export function ResetPasswordButton({ membershipId, name }: { membershipId: string; name: string }) {
  const ta = useT("MemberActions");
  const [state, dispatch] = useAnnouncedAction(issueResetAction, ta("resetHandled", { name }));
  const t = useT("MemberReset");
  const result = state.ok ? state.result : undefined;
  return (
    <div className="space-y-2">
      <RowActionForm
        action={dispatch}
        field="membershipId"
        value={membershipId}
        label={ta("resetPassword")}
        forWhom={ta("forName", { name })}
      />
      {result?.kind === "link" ? (
        <OneTimeLink
          testId="reset-link"
          title={ta("resetLinkFor", { email: String(result.email) })}
          url={String(result.url)}
          note={result.emailed ? ta("resetEmailed") : ta("resetShare")}
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
  const t = useT("MemberActions");
  const [, dispatch] = useAnnouncedAction(revokeInviteAction, t("inviteRevoked", { email }));
  return (
    <RowActionForm
      action={dispatch}
      field="inviteId"
      value={inviteId}
      label={t("revoke")}
      forWhom={t("inviteFor", { email })}
    />
  );
}

/**
 * One button for one row of a table: the row's id travels in a hidden field, and the button's name
 * ends with whose row it is (visually hidden: the row says it already).
 */
function RowActionForm({
  action,
  field,
  value,
  label,
  forWhom,
}: {
  action: (data: FormData) => void;
  field: string;
  value: string;
  label: string;
  forWhom: string;
}) {
  return (
    <form action={action}>
      <input type="hidden" name={field} value={value} />
      <SubmitButton variant="ghost" size="sm">
        {label}
        <span className="sr-only">{forWhom}</span>
      </SubmitButton>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import type { FormState } from "@/lib/http/form-state";
import { useT } from "@/lib/i18n/client";
import { inviteMemberAction } from "@/app/(app)/settings/members/actions";
import { OneTimeLink } from "@/app/(app)/settings/members/one-time-link";

export function InviteForm() {
  const [state, action] = useActionState<FormState, FormData>(inviteMemberAction, {});
  const e = state.fieldErrors ?? {};
  const t = useT("MemberActions");
  const result = state.ok ? state.result : undefined;
  return (
    <div className="space-y-4">
      <form action={action} className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-start" noValidate>
        <Field id="invite-email" label={t("email")} error={e.email}>
          <Input
            name="email"
            type="email"
            autoComplete="off"
            required
            defaultValue={state.ok ? "" : state.values?.email}
            key={state.ok ? String(result?.url) : "form"}
          />
        </Field>
        <Field id="invite-role" label={t("role")} hint={t("roleHint")} error={e.role}>
          <Select name="role" defaultValue={state.values?.role ?? "organiser"}>
            <option value="organiser">{t("organiser")}</option>
            <option value="admin">{t("admin")}</option>
          </Select>
        </Field>
        <SubmitButton className="sm:mt-6" pendingLabel={t("creatingInvite")}>
          {t("createInvite")}
        </SubmitButton>
      </form>
      {state.error && !state.fieldErrors?.email ? (
        <Notice tone="error" testId="invite-error">
          {state.error}
        </Notice>
      ) : null}
      {result ? (
        <OneTimeLink
          testId="invite-link"
          title={t("inviteLinkFor", { email: String(result.email) })}
          url={String(result.url)}
          note={result.emailed ? t("inviteEmailed") : t("inviteShare")}
        />
      ) : null}
    </div>
  );
}

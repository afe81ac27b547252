"use client";

import { useEffect, useRef } from "react";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useStatusMessage } from "@/components/ui/status-message";
import { ActionForm, NewPasswordField, RepeatPasswordField, useFormAction } from "@/components/forms/action-form";
import { useT } from "@/lib/i18n/client";
import { changePasswordAction, renameAction } from "@/app/(app)/profile/actions";

export function RenameForm({ name }: { name: string }) {
  const { state, action } = useFormAction(renameAction);
  const announce = useStatusMessage();
  const t = useT("ProfileForms");
  useEffect(() => {
    if (state.ok) announce(t("nameSaved"));
  }, [state, announce, t]);
  return (
    <ActionForm action={action} error={state.error}>
      <Field id="name" label={t("nameLabel")} error={state.fieldErrors?.name}>
        <Input name="name" autoComplete="name" required defaultValue={state.values?.name ?? name} />
      </Field>
      <SubmitButton pendingLabel={t("saving")}>{t("saveName")}</SubmitButton>
    </ActionForm>
  );
}

export function ChangePasswordForm({ email }: { email: string }) {
  const { state, action, errors: e } = useFormAction(changePasswordAction);
  const form = useRef<HTMLFormElement>(null);
  const t = useT("ProfileForms");
  useEffect(() => {
    if (state.error) form.current?.reset();
  }, [state]);
  return (
    <ActionForm formRef={form} action={action} error={state.error}>
      <input type="email" name="email" value={email} autoComplete="username" readOnly hidden />
      <Field id="current" label={t("currentPassword")} error={e.current}>
        <Input name="current" type="password" autoComplete="current-password" required />
      </Field>
      <NewPasswordField label={t("newPassword")} hint={t("newPasswordHint")} error={e.password} />
      <RepeatPasswordField label={t("repeatPassword")} error={e.confirm} />
      <SubmitButton pendingLabel={t("changing")}>{t("changePassword")}</SubmitButton>
    </ActionForm>
  );
}

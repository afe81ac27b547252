"use client";

import { useActionState, useEffect, useRef } from "react";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useStatusMessage } from "@/components/ui/status-message";
import type { FormState } from "@/lib/http/form-state";
import { useT } from "@/lib/i18n/client";
import { changePasswordAction, renameAction } from "@/app/(app)/profile/actions";
import { FormError } from "@/app/(auth)/form-error";

export function RenameForm({ name }: { name: string }) {
  const [state, action] = useActionState<FormState, FormData>(renameAction, {});
  const announce = useStatusMessage();
  const t = useT("ProfileForms");
  useEffect(() => {
    if (state.ok) announce(t("nameSaved"));
  }, [state, announce, t]);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormError message={state.error} />
      <Field id="name" label={t("nameLabel")} error={state.fieldErrors?.name}>
        <Input name="name" autoComplete="name" required defaultValue={state.values?.name ?? name} />
      </Field>
      <SubmitButton pendingLabel={t("saving")}>{t("saveName")}</SubmitButton>
    </form>
  );
}

export function ChangePasswordForm({ email }: { email: string }) {
  const [state, action] = useActionState<FormState, FormData>(changePasswordAction, {});
  const e = state.fieldErrors ?? {};
  const form = useRef<HTMLFormElement>(null);
  const t = useT("ProfileForms");
  useEffect(() => {
    if (state.error) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={action} className="space-y-4" noValidate>
      <FormError message={state.error} />
      <input type="email" name="email" value={email} autoComplete="username" readOnly hidden />
      <Field id="current" label={t("currentPassword")} error={e.current}>
        <Input name="current" type="password" autoComplete="current-password" required />
      </Field>
      <Field id="password" label={t("newPassword")} hint={t("newPasswordHint")} error={e.password}>
        <Input name="password" type="password" autoComplete="new-password" required minLength={10} />
      </Field>
      <Field id="confirm" label={t("repeatPassword")} error={e.confirm}>
        <Input name="confirm" type="password" autoComplete="new-password" required />
      </Field>
      <SubmitButton pendingLabel={t("changing")}>{t("changePassword")}</SubmitButton>
    </form>
  );
}

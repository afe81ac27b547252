"use client";

import { SubmitButton } from "@/components/ui/button";
import { ActionForm, NewPasswordField, RepeatPasswordField, useFormAction } from "@/components/forms/action-form";
import { useT } from "@/lib/i18n/client";
import { resetPasswordAction } from "@/app/(auth)/actions";

export function ResetForm({ token, email }: { token: string; email: string }) {
  const { state, action, errors: e } = useFormAction(resetPasswordAction.bind(null, token));
  const t = useT("Auth");
  return (
    <ActionForm action={action} error={state.error}>
      <input type="email" name="email" value={email} autoComplete="username" readOnly hidden />
      <NewPasswordField label={t("newPassword")} hint={t("passwordRule")} error={e.password} />
      <RepeatPasswordField label={t("repeatPassword")} error={e.confirm} />
      <SubmitButton className="w-full" pendingLabel={t("saving")}>
        {t("setPassword")}
      </SubmitButton>
    </ActionForm>
  );
}

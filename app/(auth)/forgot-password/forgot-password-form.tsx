"use client";

import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { ActionForm, useFormAction } from "@/components/forms/action-form";
import { useT } from "@/lib/i18n/client";
import { forgotPasswordAction } from "@/app/(auth)/actions";

export function ForgotPasswordForm() {
  const { state, action } = useFormAction(forgotPasswordAction);
  const t = useT("ForgotPasswordForm");
  if (state.ok) {
    return (
      <Notice tone="success" testId="forgot-sent">
        {t("sent", { email: String(state.result?.email ?? "") })}
      </Notice>
    );
  }
  return (
    <ActionForm action={action} error={state.error}>
      <Field id="email" label={t("email")} error={state.fieldErrors?.email}>
        <Input name="email" type="email" autoComplete="username" required defaultValue={state.values?.email} />
      </Field>
      <SubmitButton className="w-full" pendingLabel={t("sending")}>
        {t("submit")}
      </SubmitButton>
    </ActionForm>
  );
}

"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { FormState } from "@/lib/http/form-state";
import { useT } from "@/lib/i18n/client";
import { resetPasswordAction } from "@/app/(auth)/actions";
import { FormError } from "@/app/(auth)/form-error";

export function ResetForm({ token, email }: { token: string; email: string }) {
  const [state, action] = useActionState<FormState, FormData>(resetPasswordAction.bind(null, token), {});
  const t = useT("Auth");
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormError message={state.error} />
      <input type="email" name="email" value={email} autoComplete="username" readOnly hidden />
      <Field id="password" label={t("newPassword")} hint={t("passwordRule")} error={e.password}>
        <Input name="password" type="password" autoComplete="new-password" required minLength={10} />
      </Field>
      <Field id="confirm" label={t("repeatPassword")} error={e.confirm}>
        <Input name="confirm" type="password" autoComplete="new-password" required />
      </Field>
      <SubmitButton className="w-full" pendingLabel={t("saving")}>
        {t("setPassword")}
      </SubmitButton>
    </form>
  );
}

"use client";

import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ActionForm, useFormAction } from "@/components/forms/action-form";
import { useT } from "@/lib/i18n/client";
import { signInAction } from "@/app/(auth)/actions";
import { AuthLink } from "@/app/(auth)/auth-parts";

export function SignInForm({ next, email }: { next?: string; email?: string }) {
  const { state, action, errors } = useFormAction(signInAction);
  const t = useT("SignIn");
  return (
    <ActionForm action={action} error={state.error}>
      <input type="hidden" name="next" value={next ?? ""} />
      <Field id="email" label={t("email")} error={errors.email}>
        <Input name="email" type="email" autoComplete="username" required defaultValue={state.values?.email ?? email} />
      </Field>
      <Field id="password" label={t("password")} error={errors.password}>
        <Input name="password" type="password" autoComplete="current-password" required />
      </Field>
      <AuthLink href="/forgot-password" label={t("forgotPassword")} className="-mt-2 text-right" />
      <SubmitButton className="w-full" pendingLabel={t("signingIn")}>
        {t("signIn")}
      </SubmitButton>
      <AuthLink href="/sign-up" lead={t("newHere")} label={t("createWorkspace")} />
    </ActionForm>
  );
}

"use client";

import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ActionForm, NewPasswordField, useFormAction } from "@/components/forms/action-form";
import { useT } from "@/lib/i18n/client";
import { signUpAction } from "@/app/(auth)/actions";
import { AuthLink } from "@/app/(auth)/auth-parts";

export function SignUpForm() {
  const { state, action, errors: e, values: v } = useFormAction(signUpAction);
  const t = useT("Auth");
  return (
    <ActionForm action={action} error={state.error}>
      <Field id="name" label={t("yourName")} error={e.name}>
        <Input name="name" autoComplete="name" required defaultValue={v.name} />
      </Field>
      <Field id="email" label={t("workEmail")} error={e.email}>
        <Input name="email" type="email" autoComplete="email" required defaultValue={v.email} />
      </Field>
      <NewPasswordField label={t("password")} hint={t("passwordRule")} error={e.password} />
      <Field id="workspaceName" label={t("workspaceName")} hint={t("workspaceNameHint")} error={e.workspaceName}>
        <Input name="workspaceName" autoComplete="organization" required defaultValue={v.workspaceName} />
      </Field>
      <SubmitButton className="w-full" pendingLabel={t("creatingWorkspace")}>
        {t("createWorkspace")}
      </SubmitButton>
      <AuthLink href="/sign-in" lead={t("haveAccount")} label={t("signIn")} />
    </ActionForm>
  );
}

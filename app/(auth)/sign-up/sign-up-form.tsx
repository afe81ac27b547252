"use client";

import { useActionState } from "react";
import Link from "next/link";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { FormState } from "@/lib/http/form-state";
import { useT } from "@/lib/i18n/client";
import { signUpAction } from "@/app/(auth)/actions";
import { FormError } from "@/app/(auth)/form-error";

export function SignUpForm() {
  const [state, action] = useActionState<FormState, FormData>(signUpAction, {});
  const t = useT("Auth");
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormError message={state.error} />
      <Field id="name" label={t("yourName")} error={e.name}>
        <Input name="name" autoComplete="name" required defaultValue={v.name} />
      </Field>
      <Field id="email" label={t("workEmail")} error={e.email}>
        <Input name="email" type="email" autoComplete="email" required defaultValue={v.email} />
      </Field>
      <Field id="password" label={t("password")} hint={t("passwordRule")} error={e.password}>
        <Input name="password" type="password" autoComplete="new-password" required minLength={10} />
      </Field>
      <Field id="workspaceName" label={t("workspaceName")} hint={t("workspaceNameHint")} error={e.workspaceName}>
        <Input name="workspaceName" autoComplete="organization" required defaultValue={v.workspaceName} />
      </Field>
      <SubmitButton className="w-full" pendingLabel={t("creatingWorkspace")}>
        {t("createWorkspace")}
      </SubmitButton>
      <p className="text-center text-sm text-slate-600">
        {t("haveAccount")}{" "}
        <Link href="/sign-in" className="font-medium text-brand-700 underline-offset-2 hover:underline">
          {t("signIn")}
        </Link>
      </p>
    </form>
  );
}

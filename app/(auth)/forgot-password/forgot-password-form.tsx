"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import type { FormState } from "@/lib/http/form-state";
import { forgotPasswordAction } from "@/app/(auth)/actions";
import { FormError } from "@/app/(auth)/form-error";

export function ForgotPasswordForm() {
  const [state, action] = useActionState<FormState, FormData>(forgotPasswordAction, {});
  if (state.ok) {
    return (
      <Notice tone="success" testId="forgot-sent">
        If {String(state.result?.email ?? "that address")} has a Mkutano account, a reset link is on its way. It works once, within an hour. Check your spam folder too.
      </Notice>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormError message={state.error} />
      <Field id="email" label="Email" error={state.fieldErrors?.email}>
        <Input name="email" type="email" autoComplete="username" required defaultValue={state.values?.email} />
      </Field>
      <SubmitButton className="w-full" pendingLabel="Sending…">
        Email me a reset link
      </SubmitButton>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import Link from "next/link";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { FormState } from "@/lib/http/form-state";
import { signUpAction } from "@/app/(auth)/actions";
import { FormError } from "@/app/(auth)/form-error";

export function SignUpForm() {
  const [state, action] = useActionState<FormState, FormData>(signUpAction, {});
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormError message={state.error} />
      <Field id="name" label="Your name" error={e.name}>
        <Input name="name" autoComplete="name" required defaultValue={v.name} />
      </Field>
      <Field id="email" label="Work email" error={e.email}>
        <Input name="email" type="email" autoComplete="email" required defaultValue={v.email} />
      </Field>
      <Field id="password" label="Password" hint="At least 10 characters." error={e.password}>
        <Input name="password" type="password" autoComplete="new-password" required minLength={10} />
      </Field>
      <Field id="workspaceName" label="Workspace name" hint="Usually your organisation or team." error={e.workspaceName}>
        <Input name="workspaceName" autoComplete="organization" required defaultValue={v.workspaceName} />
      </Field>
      <SubmitButton className="w-full" pendingLabel="Creating your workspace…">
        Create workspace
      </SubmitButton>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-medium text-brand-700 underline-offset-2 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}

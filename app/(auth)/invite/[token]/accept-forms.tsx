"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { FormState } from "@/lib/http/form-state";
import { useT } from "@/lib/i18n/client";
import { acceptInviteNewAccountAction, acceptInviteSignedInAction } from "@/app/(auth)/actions";
import { FormError } from "@/app/(auth)/form-error";

export function AcceptWithNewAccountForm({ token, email }: { token: string; email: string }) {
  const [state, action] = useActionState<FormState, FormData>(acceptInviteNewAccountAction.bind(null, token), {});
  const t = useT("Auth");
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormError message={state.error} />
      <Field id="email" label={t("email")}>
        <Input name="email" type="email" value={email} readOnly autoComplete="username" />
      </Field>
      <Field id="name" label={t("yourName")} error={e.name}>
        <Input name="name" autoComplete="name" required defaultValue={state.values?.name} />
      </Field>
      <Field id="password" label={t("choosePassword")} hint={t("passwordRule")} error={e.password}>
        <Input name="password" type="password" autoComplete="new-password" required minLength={10} />
      </Field>
      <SubmitButton className="w-full" pendingLabel={t("joining")}>
        {t("createAndJoin")}
      </SubmitButton>
    </form>
  );
}

export function AcceptSignedInForm({ token, workspaceName }: { token: string; workspaceName: string }) {
  const [state, action] = useActionState<FormState, FormData>(acceptInviteSignedInAction.bind(null, token), {});
  const t = useT("Auth");
  return (
    <form action={action} className="space-y-4">
      <FormError message={state.error} />
      <SubmitButton className="w-full" pendingLabel={t("joining")}>
        {t("joinWorkspace", { workspace: workspaceName })}
      </SubmitButton>
    </form>
  );
}

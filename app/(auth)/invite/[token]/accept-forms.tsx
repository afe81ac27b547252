"use client";

import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ActionForm, NewPasswordField, useFormAction } from "@/components/forms/action-form";
import { useT } from "@/lib/i18n/client";
import { acceptInviteNewAccountAction, acceptInviteSignedInAction } from "@/app/(auth)/actions";

export function AcceptWithNewAccountForm({ token, email }: { token: string; email: string }) {
  const { state, action, errors: e } = useFormAction(acceptInviteNewAccountAction.bind(null, token));
  const t = useT("Auth");
  return (
    <ActionForm action={action} error={state.error}>
      <Field id="email" label={t("email")}>
        <Input name="email" type="email" value={email} readOnly autoComplete="username" />
      </Field>
      <Field id="name" label={t("yourName")} error={e.name}>
        <Input name="name" autoComplete="name" required defaultValue={state.values?.name} />
      </Field>
      <NewPasswordField label={t("choosePassword")} hint={t("passwordRule")} error={e.password} />
      <SubmitButton className="w-full" pendingLabel={t("joining")}>
        {t("createAndJoin")}
      </SubmitButton>
    </ActionForm>
  );
}

export function AcceptSignedInForm({ token, workspaceName }: { token: string; workspaceName: string }) {
  const { state, action } = useFormAction(acceptInviteSignedInAction.bind(null, token));
  const t = useT("Auth");
  return (
    <ActionForm action={action} error={state.error}>
      <SubmitButton className="w-full" pendingLabel={t("joining")}>
        {t("joinWorkspace", { workspace: workspaceName })}
      </SubmitButton>
    </ActionForm>
  );
}

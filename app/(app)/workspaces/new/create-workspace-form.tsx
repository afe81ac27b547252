"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import type { FormState } from "@/lib/http/form-state";
import { useT } from "@/lib/i18n/client";
import { createWorkspaceAction } from "@/app/(app)/workspaces/new/actions";

export function CreateWorkspaceForm() {
  const [state, action] = useActionState<FormState, FormData>(createWorkspaceAction, {});
  const t = useT("NewWorkspace");
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error && !state.fieldErrors?.name ? (
        <Notice tone="error" testId="form-error">
          {state.error}
        </Notice>
      ) : null}
      <Field
        id="workspace-name"
        label={t("name")}
        hint={t("nameHint")}
        error={state.fieldErrors?.name ?? state.fieldErrors?.form}
      >
        <Input name="name" required autoComplete="organization" defaultValue={state.values?.name} />
      </Field>
      <SubmitButton pendingLabel={t("creating")}>{t("create")}</SubmitButton>
    </form>
  );
}

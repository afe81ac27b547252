"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import type { FormState } from "@/lib/http/form-state";
import { inviteMemberAction } from "@/app/(app)/settings/members/actions";
import { OneTimeLink } from "@/app/(app)/settings/members/one-time-link";

export function InviteForm() {
  const [state, action] = useActionState<FormState, FormData>(inviteMemberAction, {});
  const e = state.fieldErrors ?? {};
  const result = state.ok ? state.result : undefined;
  return (
    <div className="space-y-4">
      <form action={action} className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-start" noValidate>
        <Field id="invite-email" label="Email" error={e.email}>
          <Input
            name="email"
            type="email"
            autoComplete="off"
            required
            defaultValue={state.ok ? "" : state.values?.email}
            key={state.ok ? String(result?.url) : "form"}
          />
        </Field>
        <Field id="invite-role" label="Role" hint="Admins manage everything." error={e.role}>
          <Select name="role" defaultValue={state.values?.role ?? "organiser"}>
            <option value="organiser">Organiser</option>
            <option value="admin">Admin</option>
          </Select>
        </Field>
        <SubmitButton className="sm:mt-6" pendingLabel="Creating invite…">
          Create invite link
        </SubmitButton>
      </form>
      {state.error && !state.fieldErrors?.email ? (
        <Notice tone="error" testId="invite-error">
          {state.error}
        </Notice>
      ) : null}
      {result ? (
        <OneTimeLink
          testId="invite-link"
          title={`Invite link for ${String(result.email)}`}
          url={String(result.url)}
          note={
            result.emailed
              ? "We also emailed it. It works once and expires in 7 days."
              : "Share it with them yourself (no email is configured). It works once and expires in 7 days; this is the only time it is shown."
          }
        />
      ) : null}
    </div>
  );
}

"use client";

import { useActionState, type ReactNode, type Ref } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { FormState } from "@/lib/http/form-state";
import { FormError } from "@/app/(auth)/form-error";

type FormAction = (state: FormState, data: FormData) => Promise<FormState>;

/**
 * A form posted to a server action: the action's last answer (`state`), the field errors and the
 * values it sent back (so a refused form keeps what was typed), and the action for `<ActionForm>`.
 */
export function useFormAction(serverAction: FormAction) {
  const [state, action] = useActionState<FormState, FormData>(serverAction, {});
  return { state, action, errors: state.fieldErrors ?? {}, values: state.values ?? {} };
}

/** The form with the action's error above its fields (announced: FormError is an alert). */
export function ActionForm({
  action,
  error,
  formRef,
  children,
}: {
  action: (data: FormData) => void;
  error?: string;
  formRef?: Ref<HTMLFormElement>;
  children: ReactNode;
}) {
  return (
    <form ref={formRef} action={action} className="space-y-4" noValidate>
      <FormError message={error} />
      {children}
    </form>
  );
}

/** A new password: the browser may suggest one; at least 10 characters (lib/auth/schemas). */
export function NewPasswordField({
  label,
  hint,
  error,
}: {
  label: ReactNode;
  hint: ReactNode;
  error?: string | string[] | null;
}) {
  return (
    <Field id="password" label={label} hint={hint} error={error}>
      <Input name="password" type="password" autoComplete="new-password" required minLength={10} />
    </Field>
  );
}

/** The new password again, compared by the server action. */
export function RepeatPasswordField({ label, error }: { label: ReactNode; error?: string | string[] | null }) {
  return (
    <Field id="confirm" label={label} error={error}>
      <Input name="confirm" type="password" autoComplete="new-password" required />
    </Field>
  );
}

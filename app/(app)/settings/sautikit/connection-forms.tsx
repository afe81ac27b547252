"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import type { FormState } from "@/lib/http/form-state";
import {
  connectEmulatorAction,
  rerouteNumbersAction,
  saveConnectionAction,
  selectNumbersAction,
  testConnectionAction,
} from "@/app/(app)/settings/sautikit/actions";

function Outcome({ state, testId }: { state: FormState; testId: string }) {
  if (state.error)
    return (
      <Notice tone="error" testId={`${testId}-error`}>
        {state.error}
      </Notice>
    );
  if (state.ok && state.result?.message)
    return (
      <Notice tone="success" testId={`${testId}-ok`}>
        {String(state.result.message)}
      </Notice>
    );
  return null;
}

export function ApiKeyForm({ defaultBaseUrl, hasKey }: { defaultBaseUrl: string; hasKey: boolean }) {
  const [state, action] = useActionState<FormState, FormData>(saveConnectionAction, {});
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <Field
        id="sk-base-url"
        label="API base URL"
        error={e.apiBaseUrl}
        hint="https://api.sautikit.com for Sautikit itself."
      >
        <Input name="apiBaseUrl" type="url" required defaultValue={state.values?.apiBaseUrl ?? defaultBaseUrl} />
      </Field>
      <Field
        id="sk-api-key"
        label={hasKey ? "Replace the API key" : "API key"}
        error={e.apiKey}
        hint="Stored encrypted. It is never shown again, not even to admins."
      >
        {/* key={…} clears the field after every submit: the key never sits in the page. */}
        <Input
          key={JSON.stringify(state)}
          name="apiKey"
          type="password"
          autoComplete="off"
          spellCheck={false}
          required
        />
      </Field>
      <SubmitButton pendingLabel="Checking the key…">Save and check key</SubmitButton>
      <Outcome state={state} testId="sk-key" />
    </form>
  );
}

type Num = { id: string; e164: string; status?: string };

export function NumbersForm({
  numbers,
  dialInId,
  callerIdId,
}: {
  numbers: Num[];
  dialInId: string | null;
  callerIdId: string | null;
}) {
  const [state, action] = useActionState<FormState, FormData>(selectNumbersAction, {});
  const e = state.fieldErrors ?? {};
  const options = numbers.map((n) => (
    <option key={n.id} value={n.id}>
      {n.e164}
      {n.status && n.status !== "active" ? ` (${n.status})` : ""}
    </option>
  ));
  return (
    <form action={action} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="sk-dial-in"
          label="Dial-in number"
          error={e.dialInNumberId}
          hint="Participants call this number and enter the meeting PIN."
        >
          <Select name="dialInNumberId" defaultValue={state.values?.dialInNumberId ?? dialInId ?? ""} required>
            <option value="">Choose a number</option>
            {options}
          </Select>
        </Field>
        <Field
          id="sk-caller-id"
          label="Caller-ID number"
          error={e.callerIdNumberId}
          hint="Shown to participants when Mkutano calls them."
        >
          <Select name="callerIdNumberId" defaultValue={state.values?.callerIdNumberId ?? callerIdId ?? ""} required>
            <option value="">Choose a number</option>
            {options}
          </Select>
        </Field>
      </div>
      <SubmitButton pendingLabel="Routing numbers…">Save numbers and route them</SubmitButton>
      <Outcome state={state} testId="sk-numbers" />
    </form>
  );
}

function OneButton({
  act,
  label,
  pendingLabel,
  testId,
  variant,
}: {
  act: (prev: FormState, formData: FormData) => Promise<FormState>;
  label: string;
  pendingLabel: string;
  testId: string;
  variant?: "primary" | "secondary";
}) {
  // The server action itself (not a wrapper), so the form also works before hydration.
  const [state, action] = useActionState<FormState, FormData>(act, {});
  return (
    <form action={action} className="space-y-3">
      <SubmitButton variant={variant ?? "secondary"} pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
      <Outcome state={state} testId={testId} />
    </form>
  );
}

export function ConnectionButtons({ canReroute, onlyReroute = false }: { canReroute: boolean; onlyReroute?: boolean }) {
  const testId = onlyReroute ? "sk-fix-reroute" : "sk-reroute";
  return (
    <div className="flex flex-wrap items-start gap-4">
      {onlyReroute ? null : (
        <OneButton act={testConnectionAction} label="Test connection" pendingLabel="Testing…" testId="sk-test" />
      )}
      {canReroute ? (
        <OneButton
          act={rerouteNumbersAction}
          label="Re-route numbers"
          pendingLabel="Routing…"
          testId={testId}
          variant={onlyReroute ? "primary" : undefined}
        />
      ) : null}
    </div>
  );
}

export function ConnectEmulatorButton() {
  return (
    <OneButton
      act={connectEmulatorAction}
      label="Connect to the local emulator"
      pendingLabel="Connecting…"
      testId="sk-emulator"
      variant="primary"
    />
  );
}

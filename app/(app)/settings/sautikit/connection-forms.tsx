"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import type { FormState } from "@/lib/http/form-state";
import { useT } from "@/lib/i18n/client";
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
  const t = useT("ConnectionForms");
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <Field id="sk-base-url" label={t("apiBaseUrl")} error={e.apiBaseUrl} hint={t("apiBaseUrlHint")}>
        <Input name="apiBaseUrl" type="url" required defaultValue={state.values?.apiBaseUrl ?? defaultBaseUrl} />
      </Field>
      <Field id="sk-api-key" label={hasKey ? t("replaceKey") : t("apiKey")} error={e.apiKey} hint={t("apiKeyHint")}>
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
      <SubmitButton pendingLabel={t("checkingKey")}>{t("saveKey")}</SubmitButton>
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
  const t = useT("ConnectionForms");
  const e = state.fieldErrors ?? {};
  // One of the workspace's numbers for a job; both jobs choose from the same list.
  const numberField = (
    id: string,
    name: "dialInNumberId" | "callerIdNumberId",
    label: string,
    hint: string,
    current: string | null,
  ) => (
    <Field id={id} label={label} error={e[name]} hint={hint}>
      <Select name={name} defaultValue={state.values?.[name] ?? current ?? ""} required>
        <option value="">{t("chooseNumber")}</option>
        {numbers.map((n) => (
          <option key={n.id} value={n.id}>
            {n.e164}
            {n.status && n.status !== "active" ? ` (${n.status})` : ""}
          </option>
        ))}
      </Select>
    </Field>
  );
  return (
    <form action={action} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        {numberField("sk-dial-in", "dialInNumberId", t("dialIn"), t("dialInHint"), dialInId)}
        {numberField("sk-caller-id", "callerIdNumberId", t("callerId"), t("callerIdHint"), callerIdId)}
      </div>
      <SubmitButton pendingLabel={t("routingNumbers")}>{t("saveNumbers")}</SubmitButton>
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
  const t = useT("ConnectionForms");
  const ts = useT("SautikitStatus");
  return (
    <div className="flex flex-wrap items-start gap-4">
      {onlyReroute ? null : (
        <OneButton
          act={testConnectionAction}
          label={t("testConnection")}
          pendingLabel={t("testing")}
          testId="sk-test"
        />
      )}
      {canReroute ? (
        <OneButton
          act={rerouteNumbersAction}
          label={ts("rerouteNumbers")}
          pendingLabel={t("rerouting")}
          testId={testId}
          variant={onlyReroute ? "primary" : undefined}
        />
      ) : null}
    </div>
  );
}

export function ConnectEmulatorButton() {
  const t = useT("ConnectionForms");
  return (
    <OneButton
      act={connectEmulatorAction}
      label={t("connectEmulator")}
      pendingLabel={t("connecting")}
      testId="sk-emulator"
      variant="primary"
    />
  );
}

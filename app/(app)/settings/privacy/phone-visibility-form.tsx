"use client";

import { useActionState, useEffect } from "react";
import { SubmitButton } from "@/components/ui/button";
import { useStatusMessage } from "@/components/ui/status-message";
import type { FormState } from "@/lib/http/form-state";
import { useT } from "@/lib/i18n/client";
import { phoneVisibilityAction } from "@/app/(app)/settings/privacy/actions";
import { FormError } from "@/app/(auth)/form-error";

const choices = [
  { value: "admins", label: "admins", hint: "adminsHint" },
  { value: "everyone", label: "everyone", hint: "everyoneHint" },
] as const;

/** Admins only: who sees participants' full phone numbers (the rest see them masked, on the server). */
export function PhoneVisibilityForm({ current }: { current: "admins" | "everyone" }) {
  const [state, action] = useActionState<FormState, FormData>(phoneVisibilityAction, {});
  const announce = useStatusMessage();
  const t = useT("PrivacySettings");
  const saved = state.result?.phoneVisibility === "everyone" ? "everyone" : state.ok ? "admins" : current;
  useEffect(() => {
    if (state.ok) announce(t(state.result?.phoneVisibility === "everyone" ? "savedEveryone" : "savedAdmins"));
  }, [state, announce, t]);
  return (
    <form action={action} className="space-y-4" data-testid="phone-visibility-form">
      <FormError message={state.error ? t("saveFailed") : undefined} />
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800">{t("legend")}</legend>
        {choices.map((c) => (
          <div key={c.value} className="flex items-start gap-3">
            <input
              type="radio"
              id={`phone-visibility-${c.value}`}
              name="phoneVisibility"
              value={c.value}
              defaultChecked={saved === c.value}
              aria-describedby={`phone-visibility-${c.value}-hint`}
              className="mt-1 h-4 w-4 shrink-0 accent-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
            />
            <div>
              <label htmlFor={`phone-visibility-${c.value}`} className="text-sm font-medium text-slate-900">
                {t(c.label)}
              </label>
              <p id={`phone-visibility-${c.value}-hint`} className="text-xs text-slate-600">
                {t(c.hint)}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import type { FormState } from "@/lib/http/form-state";
import { useT } from "@/lib/i18n/client";
import { presentDialInNumberAction } from "@/app/(app)/settings/sautikit/actions";

/** Settings → Sautikit: show the dial-in number as the caller ID of dial-outs (on by default). */
export function CallerIdForm({ on, dialInNumber }: { on: boolean; dialInNumber: string | null }) {
  const t = useT("CallerIdSetting");
  const [state, action] = useActionState<FormState, FormData>(presentDialInNumberAction, {});
  return (
    <form action={action} className="space-y-3">
      <Checkbox
        name="presentDialInNumber"
        label={t("label", { number: dialInNumber ?? "—" })}
        defaultChecked={on}
        data-testid="sk-present-dial-in"
      />
      <p className="text-xs text-slate-500">{dialInNumber ? t("hint") : t("noDialIn")}</p>
      <SubmitButton variant="secondary" pendingLabel={t("saving")}>
        {t("save")}
      </SubmitButton>
      <div role="status" aria-live="polite">
        {state.error ? (
          <Notice tone="error" testId="sk-caller-id-error">
            {state.error}
          </Notice>
        ) : state.ok ? (
          <Notice tone="success" testId="sk-caller-id-ok">
            {String(state.result?.message ?? "")}
          </Notice>
        ) : null}
      </div>
    </form>
  );
}

"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useApiAction } from "@/components/ui/use-api-action";
import { api } from "@/lib/hooks/api-client";
import { parseKesToMinor } from "@/lib/shared/parse-kes";
import { useT } from "@/lib/i18n/client";

/** Sets or removes the meeting's budget cap; `onSaved` refreshes the figures around it. */
export function BudgetForm({
  meetingId,
  budgetMinor,
  onSaved,
}: {
  meetingId: string;
  budgetMinor: number | null;
  onSaved: () => void;
}) {
  const t = useT("BudgetForm");
  const [value, setValue] = useState(budgetMinor === null ? "" : (budgetMinor / 100).toFixed(2));
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useApiAction();
  const pending = busy !== null;

  const save = async (next: number | null) => {
    setError(null);
    await run("save", () => api.meetings.setBudget(meetingId, next), {
      done: () => (next === null ? t("removed") : t("saved")),
      then: () => {
        if (next === null) setValue("");
        onSaved();
      },
      failed: t("failed"),
      onError: setError,
    });
  };

  return (
    <form
      className="flex flex-wrap items-start gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const minor = parseKesToMinor(value);
        if (minor === null || minor <= 0) return setError(t("invalid"));
        void save(minor);
      }}
    >
      <Field id={`budget-${meetingId}`} label={t("label")} hint={t("hint")} error={error} className="w-56">
        <Input
          inputMode="decimal"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder={t("placeholder")}
          data-testid="budget-input"
        />
      </Field>
      {/* Lined up with the input, whatever the hint or error below it adds. */}
      <div className="mt-6 flex gap-2">
        <Button type="submit" size="md" pending={pending}>
          {t("save")}
        </Button>
        {budgetMinor !== null ? (
          <Button variant="ghost" onClick={() => void save(null)} disabled={pending}>
            {t("removeCap")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

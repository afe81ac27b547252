"use client";

import { Button } from "@/components/ui/button";
import { type Parsed, ValueForm } from "@/components/ui/value-form";
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

  return (
    <ValueForm
      id={`budget-${meetingId}`}
      label={t("label")}
      hint={t("hint")}
      placeholder={t("placeholder")}
      inputMode="decimal"
      className="w-56"
      submitLabel={t("save")}
      initialText={budgetMinor === null ? "" : (budgetMinor / 100).toFixed(2)}
      parse={(text): Parsed<number | null> => {
        const minor = parseKesToMinor(text);
        return minor === null || minor <= 0 ? { error: t("invalid") } : { value: minor };
      }}
      save={(next) => api.meetings.setBudget(meetingId, next)}
      done={(_, next) => (next === null ? t("removed") : t("saved"))}
      failed={t("failed")}
      onSaved={(_, next) => {
        onSaved();
        if (next === null) return "";
      }}
      inputTestId="budget-input"
      actions={(save, pending) =>
        budgetMinor !== null ? (
          <Button variant="ghost" onClick={() => save(null)} disabled={pending}>
            {t("removeCap")}
          </Button>
        ) : null
      }
    />
  );
}

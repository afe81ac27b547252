"use client";

import { useState } from "react";
import { type Parsed, ValueForm } from "@/components/ui/value-form";
import { api } from "@/lib/hooks/api-client";
import { useT } from "@/lib/i18n/client";

const asText = (days: number | null) => (days === null ? "" : String(days));

/** Admins only: how many days recordings are kept before the daily sweep deletes them. */
export function RetentionForm({ retentionDays }: { retentionDays: number | null }) {
  const t = useT("Retention");
  const [saved, setSaved] = useState(retentionDays);

  return (
    <ValueForm
      id="retention-days"
      label={t("label")}
      hint={saved === null ? t("hintForever") : t("hintDays", { days: saved })}
      placeholder={t("placeholder")}
      inputMode="numeric"
      className="w-72"
      submitLabel={t("save")}
      initialText={asText(retentionDays)}
      parse={(text): Parsed<number | null> => {
        const days = text.trim();
        if (days === "") return { value: null };
        return /^\d+$/.test(days) ? { value: Number(days) } : { error: t("wholeNumber") };
      }}
      save={(days) => api.admin.setRetention(days)}
      done={(r) => (r.retentionDays === null ? t("keptUntilDeleted") : t("keptFor", { days: r.retentionDays }))}
      failed={t("saveFailed")}
      onSaved={(r) => {
        setSaved(r.retentionDays);
        return asText(r.retentionDays);
      }}
    />
  );
}

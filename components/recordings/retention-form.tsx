"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useApiAction } from "@/components/ui/use-api-action";
import { api } from "@/lib/hooks/api-client";
import { useT } from "@/lib/i18n/client";

/** Admins only: how many days recordings are kept before the daily sweep deletes them. */
export function RetentionForm({ retentionDays }: { retentionDays: number | null }) {
  const t = useT("Retention");
  const [value, setValue] = useState(retentionDays === null ? "" : String(retentionDays));
  const [saved, setSaved] = useState(retentionDays);
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useApiAction();

  const save = async (days: number | null) => {
    setError(null);
    await run("save", () => api.admin.setRetention(days), {
      done: (r) => (r.retentionDays === null ? t("keptUntilDeleted") : t("keptFor", { days: r.retentionDays })),
      then: (r) => {
        setSaved(r.retentionDays);
        setValue(r.retentionDays === null ? "" : String(r.retentionDays));
      },
      failed: t("saveFailed"),
      onError: setError,
    });
  };

  return (
    <form
      className="flex flex-wrap items-start gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim() === "") return void save(null);
        if (!/^\d+$/.test(value.trim())) return setError(t("wholeNumber"));
        void save(Number(value.trim()));
      }}
    >
      <Field
        id="retention-days"
        label={t("label")}
        hint={saved === null ? t("hintForever") : t("hintDays", { days: saved })}
        error={error}
        className="w-72"
      >
        <Input
          inputMode="numeric"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder={t("placeholder")}
        />
      </Field>
      <Button type="submit" pending={busy !== null} className="mt-6">
        {t("save")}
      </Button>
    </form>
  );
}

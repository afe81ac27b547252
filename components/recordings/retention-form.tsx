"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useStatusMessage } from "@/components/ui/status-message";
import { apiFetch, ApiError } from "@/lib/hooks/api-fetch";
import { useT } from "@/lib/i18n/client";

/** Admins only: how many days recordings are kept before the daily sweep deletes them. */
export function RetentionForm({ retentionDays }: { retentionDays: number | null }) {
  const announce = useStatusMessage();
  const t = useT("Retention");
  const [value, setValue] = useState(retentionDays === null ? "" : String(retentionDays));
  const [saved, setSaved] = useState(retentionDays);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const save = async (days: number | null) => {
    setError(null);
    setPending(true);
    try {
      const r = await apiFetch<{ retentionDays: number | null }>("/api/admin/retention", {
        method: "PUT",
        body: { retentionDays: days },
      });
      setSaved(r.retentionDays);
      setValue(r.retentionDays === null ? "" : String(r.retentionDays));
      announce(r.retentionDays === null ? t("keptUntilDeleted") : t("keptFor", { days: r.retentionDays }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t("saveFailed"));
    } finally {
      setPending(false);
    }
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
      <Button type="submit" pending={pending} className="mt-6">
        {t("save")}
      </Button>
    </form>
  );
}

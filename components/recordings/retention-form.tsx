"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useApiAction } from "@/components/ui/use-api-action";
import { api } from "@/lib/hooks/api-client";

/** Admins only: how many days recordings are kept before the daily sweep deletes them. */
export function RetentionForm({ retentionDays }: { retentionDays: number | null }) {
  const [value, setValue] = useState(retentionDays === null ? "" : String(retentionDays));
  const [saved, setSaved] = useState(retentionDays);
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useApiAction();

  const save = async (days: number | null) => {
    setError(null);
    await run("save", () => api.admin.setRetention(days), {
      done: (r) =>
        r.retentionDays === null
          ? "Recordings are kept until deleted."
          : `Recordings are kept for ${r.retentionDays} days.`,
      then: (r) => {
        setSaved(r.retentionDays);
        setValue(r.retentionDays === null ? "" : String(r.retentionDays));
      },
      failed: "Could not save the retention.",
      onError: setError,
    });
  };

  return (
    <form
      className="flex flex-wrap items-start gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim() === "") return void save(null);
        if (!/^\d+$/.test(value.trim()))
          return setError("Enter a whole number of days, or leave it empty to keep recordings.");
        void save(Number(value.trim()));
      }}
    >
      <Field
        id="retention-days"
        label="Keep recordings for (days)"
        hint={
          saved === null
            ? "Empty keeps them until someone deletes them."
            : `Recordings older than ${saved} days are deleted every day, at Sautikit too.`
        }
        error={error}
        className="w-72"
      >
        <Input
          inputMode="numeric"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder="Keep forever"
        />
      </Field>
      <Button type="submit" pending={busy !== null} className="mt-6">
        Save retention
      </Button>
    </form>
  );
}

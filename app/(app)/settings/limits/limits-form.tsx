"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useApiAction } from "@/components/ui/use-api-action";
import { api } from "@/lib/hooks/api-client";
import { useT } from "@/lib/i18n/client";
import { GRACE_RANGE, MAX_MEETING_RANGE, type LimitSettings } from "@/lib/shared/meeting-limits";

type FieldName = keyof LimitSettings;

/** Admins only: the grace after a meeting's scheduled end and the longest any meeting may run. */
export function LimitsForm({ initial }: { initial: LimitSettings }) {
  const t = useT("LimitSettings");
  const { busy, run } = useApiAction();
  const [values, setValues] = useState({
    stopGraceMinutes: String(initial.stopGraceMinutes),
    maxMeetingMinutes: String(initial.maxMeetingMinutes),
  });
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});

  const save = async () => {
    const found: Partial<Record<FieldName, string>> = {};
    for (const name of ["stopGraceMinutes", "maxMeetingMinutes"] as const)
      if (!/^\d+$/.test(values[name].trim())) found[name] = t("wholeMinutes");
    setErrors(found);
    if (Object.keys(found).length) return;
    const body = {
      stopGraceMinutes: Number(values.stopGraceMinutes),
      maxMeetingMinutes: Number(values.maxMeetingMinutes),
    };
    await run("save", () => api.admin.setLimits(body), {
      done: (saved) => t("saved", { grace: saved.stopGraceMinutes, max: saved.maxMeetingMinutes }),
      then: (saved) =>
        setValues({
          stopGraceMinutes: String(saved.stopGraceMinutes),
          maxMeetingMinutes: String(saved.maxMeetingMinutes),
        }),
      failed: t("failed"),
    });
  };

  const field = (name: FieldName, label: string, hint: string) => (
    <Field id={`limits-${name}`} label={label} hint={hint} error={errors[name]} className="w-full max-w-sm">
      <Input
        inputMode="numeric"
        name={name}
        value={values[name]}
        onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
      />
    </Field>
  );

  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {field("stopGraceMinutes", t("graceLabel"), t("graceHint", { min: GRACE_RANGE.min, max: GRACE_RANGE.max }))}
      {field(
        "maxMeetingMinutes",
        t("maxLabel"),
        t("maxHint", { min: MAX_MEETING_RANGE.min, max: MAX_MEETING_RANGE.max }),
      )}
      <Button type="submit" pending={busy === "save"}>
        {t("save")}
      </Button>
    </form>
  );
}

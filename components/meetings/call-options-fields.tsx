"use client";

import { Field } from "@/components/ui/field";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { Input } from "@/components/ui/input";
import { useT } from "@/lib/i18n/client";

export type CallOptions = { callAtStart: boolean; remindByCall: boolean; reminderMinutes: string };

/**
 * The meeting's own calls: everyone dialled at the start, and reminder calls before it (the
 * meeting's default; each person can be switched on or off on the meeting page).
 */
export function CallOptionsFields({
  values,
  onChange,
  error,
}: {
  values: CallOptions;
  onChange: <K extends keyof CallOptions>(key: K, value: CallOptions[K]) => void;
  error?: string;
}) {
  const t = useT("MeetingCalls");
  return (
    <CheckboxGroup
      legend={t("legend")}
      boxes={[
        { name: "callAtStart", label: t("callAtStart") },
        { name: "remindByCall", label: t("remindByCall") },
      ]}
      values={values}
      onChange={onChange}
    >
      <Field id="reminderMinutes" label={t("reminderMinutes")} hint={t("reminderMinutesHint")} error={error}>
        <Input
          type="number"
          min={1}
          max={1440}
          className="max-w-32"
          value={values.reminderMinutes}
          onChange={(e) => onChange("reminderMinutes", e.target.value)}
        />
      </Field>
    </CheckboxGroup>
  );
}

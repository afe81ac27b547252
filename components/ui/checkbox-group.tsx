import type { ReactNode } from "react";
import { Checkbox } from "@/components/ui/input";

/**
 * A titled group of on/off settings, one checkbox each, plus any other fields of the group after
 * them. The group's fieldset and legend tell a screen reader which settings belong together.
 */
export function CheckboxGroup<K extends string>({
  legend,
  boxes,
  values,
  onChange,
  children,
}: {
  legend: ReactNode;
  /** One checkbox per setting: its field in `values` and its label. */
  boxes: readonly { name: K; label: string }[];
  values: Record<K, boolean>;
  onChange: (key: K, checked: boolean) => void;
  children?: ReactNode;
}) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="flex flex-col gap-2">
        {boxes.map(({ name, label }) => (
          <Checkbox
            key={name}
            label={label}
            checked={values[name]}
            onChange={(e) => onChange(name, e.target.checked)}
          />
        ))}
        {children}
      </div>
    </fieldset>
  );
}

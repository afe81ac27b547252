"use client";

import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useApiAction } from "@/components/ui/use-api-action";

/** The typed text as the value to save, or the message to show under the field. */
export type Parsed<V> = { value: V } | { error: string };

/**
 * One setting, one Save: a text input with its label, hint and error, and Save beside it (plus any
 * other buttons that save a fixed value, such as "Remove cap"). The form parses what was typed,
 * shows a refusal under the field, and announces the outcome of the save.
 */
export function ValueForm<V, R>({
  id,
  label,
  hint,
  placeholder,
  inputMode,
  className,
  submitLabel,
  initialText,
  parse,
  save,
  done,
  failed,
  onSaved,
  actions,
  inputTestId,
}: {
  id: string;
  label: string;
  hint: ReactNode;
  placeholder: string;
  inputMode: "numeric" | "decimal";
  /** The field's width. */
  className: string;
  submitLabel: string;
  initialText: string;
  parse: (text: string) => Parsed<V>;
  save: (value: V) => Promise<R>;
  /** Said in the live region when the save succeeded. */
  done: (result: R, value: V) => string;
  failed: string;
  /** After a save, while still busy: refresh what depends on it; a string returned replaces the typed text. */
  onSaved?: (result: R, value: V) => string | void;
  /** More buttons beside Save, given the same save and whether one is in flight. */
  actions?: (saveValue: (value: V) => void, pending: boolean) => ReactNode;
  inputTestId?: string;
}) {
  const [text, setText] = useState(initialText);
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useApiAction();
  const pending = busy !== null;

  const saveValue = async (value: V) => {
    setError(null);
    await run("save", () => save(value), {
      done: (r) => done(r, value),
      then: (r) => {
        const next = onSaved?.(r, value);
        if (typeof next === "string") setText(next);
      },
      failed,
      onError: setError,
    });
  };

  return (
    <form
      className="flex flex-wrap items-start gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = parse(text);
        if ("error" in parsed) return setError(parsed.error);
        void saveValue(parsed.value);
      }}
    >
      <Field id={id} label={label} hint={hint} error={error} className={className}>
        <Input
          inputMode={inputMode}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={placeholder}
          data-testid={inputTestId}
        />
      </Field>
      {/* Lined up with the input, whatever the hint or error below it adds. */}
      <div className="mt-6 flex gap-2">
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
        {actions?.((value) => void saveValue(value), pending)}
      </div>
    </form>
  );
}

import { useEffect, useMemo, useState, type FormEvent, type RefObject } from "react";
import { controlApi } from "./api";
import { useActions, useBusy } from "./actions";
import { formatPhone, toE164 } from "./format";
import type { Workspace } from "./types";

type Props = {
  workspaces: Workspace[];
  from: string;
  onFromChange: (value: string) => void;
  fromRef: RefObject<HTMLInputElement | null>;
  onDialled: (e164: string) => void;
};

const ROLE_LABEL: Record<string, string> = { dial_in: "dial-in", caller_id: "caller ID" };

/** "Someone dials a workspace number from their phone" — an inbound call. */
export function DialInForm({ workspaces, from, onFromChange, fromRef, onDialled }: Props) {
  const { run } = useActions();
  const [busy, wrap] = useBusy();
  const [to, setTo] = useState("");
  const [touched, setTouched] = useState(false);

  const numbers = useMemo(() => workspaces.flatMap((w) => w.numbers), [workspaces]);
  // Default to the first dial-in number once state arrives.
  useEffect(() => {
    if (to && numbers.some((n) => n.e164 === to)) return;
    const preferred = numbers.find((n) => n.role === "dial_in") ?? numbers[0];
    // eslint-disable-next-line react-hooks/set-state-in-effect -- defaults the choice once the numbers arrive
    if (preferred) setTo(preferred.e164);
  }, [numbers, to]);

  const fromE164 = toE164(from);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!fromE164 || !to || busy) return;
    void wrap(async () => {
      const ok = await run(
        () => controlApi.dial(fromE164, to),
        `${formatPhone(fromE164)} is calling ${formatPhone(to)}.`,
      );
      if (ok) onDialled(fromE164);
    });
  };

  return (
    <form className="toolbar-form" onSubmit={submit} noValidate aria-labelledby="dial-in-title">
      <h2 id="dial-in-title" className="form-title">
        Dial in
      </h2>
      <PhoneField
        id="dial-from"
        label="From phone"
        example="+254712345678"
        inputRef={fromRef}
        value={from}
        error={touched && !fromE164}
        onChange={onFromChange}
        onBlur={() => setTouched(from.trim() !== "")}
      />
      <div className="field">
        <label htmlFor="dial-to">To number</label>
        <select id="dial-to" value={to} onChange={(e) => setTo(e.target.value)} disabled={numbers.length === 0}>
          {numbers.length === 0 ? <option value="">No workspace numbers</option> : null}
          {workspaces.map((w) => (
            <optgroup key={w.workspace_id} label={w.name || w.workspace_id}>
              {w.numbers.map((n) => (
                <option key={n.id || n.e164} value={n.e164}>
                  {formatPhone(n.e164)} · {ROLE_LABEL[n.role] ?? n.role}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <button type="submit" className="btn btn-primary" disabled={busy || !to}>
        {busy ? "Dialling…" : "Call"}
      </button>
    </form>
  );
}

/** Puts a phone on the grid before it is in any call, e.g. to set its behaviour first. */
export function AddPhoneForm({ onAdd }: { onAdd: (e164: string) => void }) {
  const [value, setValue] = useState("");
  const [error, setError] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const e164 = toE164(value);
    setError(!e164);
    if (!e164) return;
    setValue("");
    onAdd(e164);
  };

  return (
    <form className="toolbar-form" onSubmit={submit} noValidate aria-labelledby="add-phone-title">
      <h2 id="add-phone-title" className="form-title">
        Add a phone
      </h2>
      <PhoneField
        id="add-phone"
        label="Number"
        example="+254700000501"
        value={value}
        error={error}
        onChange={setValue}
      />
      <button type="submit" className="btn">
        Add
      </button>
    </form>
  );
}

/** A phone-number input with its label and, when `error`, the format hint it is described by. */
function PhoneField({
  id,
  label,
  example,
  value,
  error,
  onChange,
  onBlur,
  inputRef,
}: {
  id: string;
  label: string;
  /** A number in the expected format, shown as the placeholder and in the hint. */
  example: string;
  value: string;
  error: boolean;
  onChange: (value: string) => void;
  onBlur?: () => void;
  inputRef?: RefObject<HTMLInputElement | null>;
}) {
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={inputRef}
        type="tel"
        autoComplete="off"
        placeholder={example}
        value={value}
        aria-invalid={error}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
      {error ? (
        <p id={errorId} className="field-error">
          Enter a phone number in international format, e.g. {example}.
        </p>
      ) : null}
    </div>
  );
}

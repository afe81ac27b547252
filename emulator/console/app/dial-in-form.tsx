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
  const fromError = touched && !fromE164 ? "Enter a phone number in international format, e.g. +254712345678." : null;

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
      <div className="field">
        <label htmlFor="dial-from">From phone</label>
        <input
          id="dial-from"
          ref={fromRef}
          type="tel"
          autoComplete="off"
          placeholder="+254712345678"
          value={from}
          aria-invalid={Boolean(fromError)}
          aria-describedby={fromError ? "dial-from-error" : undefined}
          onChange={(e) => onFromChange(e.target.value)}
          onBlur={() => setTouched(from.trim() !== "")}
        />
        {fromError ? (
          <p id="dial-from-error" className="field-error">
            {fromError}
          </p>
        ) : null}
      </div>
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
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const e164 = toE164(value);
    if (!e164) {
      setError("Enter a phone number in international format, e.g. +254700000501.");
      return;
    }
    setError(null);
    setValue("");
    onAdd(e164);
  };

  return (
    <form className="toolbar-form" onSubmit={submit} noValidate aria-labelledby="add-phone-title">
      <h2 id="add-phone-title" className="form-title">
        Add a phone
      </h2>
      <div className="field">
        <label htmlFor="add-phone">Number</label>
        <input
          id="add-phone"
          type="tel"
          autoComplete="off"
          placeholder="+254700000501"
          value={value}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? "add-phone-error" : undefined}
          onChange={(e) => setValue(e.target.value)}
        />
        {error ? (
          <p id="add-phone-error" className="field-error">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" className="btn">
        Add
      </button>
    </form>
  );
}

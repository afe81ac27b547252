import { useEffect, useState } from "react";
import { controlApi } from "./api";
import { useActions, useBusy } from "./actions";

// Fault injection: each control below maps to one field of
// `POST /_emulator/faults`, which merges it into the active set (false/0 turns
// it off); `DELETE /_emulator/faults` clears them all.

type FaultField =
  | { key: string; label: string; help: string; kind: "toggle" }
  | {
      key: string;
      label: string;
      help: string;
      kind: "number";
      unit: string;
      min: number;
      max: number;
      fallback: number;
    };

export const FAULT_FIELDS: FaultField[] = [
  { key: "duplicate", label: "Duplicate webhooks", help: "Every webhook is delivered twice.", kind: "toggle" },
  {
    key: "duplicate_rate",
    label: "Duplicate some webhooks",
    help: "This share of webhooks is delivered twice (seeded).",
    kind: "number",
    unit: "%",
    min: 1,
    max: 100,
    fallback: 50,
  },
  {
    key: "reorder",
    label: "Reorder webhooks",
    help: "Deliveries are held briefly and sent out of order.",
    kind: "toggle",
  },
  {
    key: "delay_ms",
    label: "Delay webhooks",
    help: "Hold each delivery before sending.",
    kind: "number",
    unit: "ms",
    min: 1,
    max: 60000,
    fallback: 2000,
  },
  {
    key: "drop_first",
    label: "Drop then retry",
    help: "The first attempts of each delivery fail and are retried.",
    kind: "number",
    unit: "attempts",
    min: 1,
    max: 7,
    fallback: 1,
  },
  {
    key: "drop_rate",
    label: "Drop some webhooks",
    help: "This share of webhooks loses its first attempt and is retried (seeded).",
    kind: "number",
    unit: "%",
    min: 1,
    max: 100,
    fallback: 50,
  },
  {
    key: "api_5xx_rate",
    label: "API 5xx",
    help: "Share of API requests answered 500.",
    kind: "number",
    unit: "%",
    min: 1,
    max: 100,
    fallback: 50,
  },
  { key: "outage", label: "API outage", help: "Every API request is answered 503.", kind: "toggle" },
  {
    key: "slow_answer_ms",
    label: "Slow API answers",
    help: "Add latency to every API answer.",
    kind: "number",
    unit: "ms",
    min: 1,
    max: 30000,
    fallback: 1500,
  },
];

const isOn = (value: unknown) => value !== undefined && value !== null && value !== false && value !== 0;

export function FaultsPanel({
  faults,
  seed,
}: {
  faults: Record<string, unknown> | undefined;
  seed: number | undefined;
}) {
  const { run } = useActions();
  const [busy, wrap] = useBusy();
  const active = FAULT_FIELDS.filter((f) => isOn(faults?.[f.key]));

  const set = async (key: string, value: unknown, message: string): Promise<boolean> => {
    let ok = false;
    await wrap(async () => {
      ok = await run(() => controlApi.setFaults({ [key]: value }), message);
    });
    return ok;
  };

  return (
    <section className="panel" aria-labelledby="faults-title">
      <div className="panel-head">
        <h2 id="faults-title">Faults</h2>
        <span className={`count${active.length ? " count-warn" : ""}`}>
          {active.length ? `${active.length} active` : "none"}
        </span>
      </div>
      <ul className="faults">
        {FAULT_FIELDS.map((field) => (
          <FaultRow key={field.key} field={field} value={faults?.[field.key]} busy={busy} onSet={set} />
        ))}
      </ul>
      <SeedRow
        seed={seed}
        busy={busy}
        onSet={(value) => set("seed", value, `Fault seed set to ${value}: random choices restart from it.`)}
      />
      <button
        type="button"
        className="btn btn-quiet"
        disabled={busy || active.length === 0}
        onClick={() => void wrap(() => run(() => controlApi.clearFaults(), "All faults cleared."))}
      >
        Clear all faults
      </button>
    </section>
  );
}

function FaultRow({
  field,
  value,
  busy,
  onSet,
}: {
  field: FaultField;
  value: unknown;
  busy: boolean;
  onSet: (key: string, value: unknown, message: string) => Promise<boolean>;
}) {
  const serverOn = isOn(value);
  // Show the click at once; the server's state takes over when it agrees, or when the request fails.
  const [pending, setPending] = useState<boolean | null>(null);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- clears the optimistic value once the server agrees
    if (pending !== null && pending === serverOn) setPending(null);
  }, [pending, serverOn]);
  const on = pending ?? serverOn;
  const apply = async (checked: boolean, next: unknown, message: string) => {
    setPending(checked);
    if (!(await onSet(field.key, next, message))) setPending(null);
  };
  const [amount, setAmount] = useState(
    field.kind === "number" ? String(typeof value === "number" ? value : field.fallback) : "",
  );
  const id = `fault-${field.key}`;
  const n = Number(amount);
  const valid = field.kind === "toggle" || (Number.isInteger(n) && n >= field.min && n <= field.max);
  const toggle = (checked: boolean) => {
    if (field.kind === "toggle") return void apply(checked, checked, `${field.label}: ${checked ? "on" : "off"}.`);
    if (checked && !valid) return;
    void apply(checked, checked ? n : 0, `${field.label}: ${checked ? `${n} ${field.unit}` : "off"}.`);
  };
  return (
    <li className="fault">
      <input
        id={id}
        type="checkbox"
        checked={on}
        disabled={busy || (!on && !valid)}
        aria-describedby={`${id}-help`}
        onChange={(e) => toggle(e.target.checked)}
      />
      <FaultText id={id} field={field} />
      {field.kind === "number" ? (
        <span className="fault-amount">
          <input
            type="number"
            min={field.min}
            max={field.max}
            aria-label={`${field.label} (${field.unit})`}
            aria-invalid={!valid}
            value={on && typeof value === "number" ? String(value) : amount}
            disabled={on}
            onChange={(e) => setAmount(e.target.value)}
          />
          <span className="unit">{field.unit}</span>
        </span>
      ) : null}
    </li>
  );
}

function FaultText({ id, field }: { id: string; field: FaultField }) {
  return (
    <div className="fault-text">
      <label htmlFor={id} className="fault-label">
        {field.label}
      </label>
      <span id={`${id}-help`} className="fault-help">
        {field.help}
      </span>
    </div>
  );
}

/** The seed of every random fault choice; setting it (even to the same value) replays the choices. */
function SeedRow({
  seed,
  busy,
  onSet,
}: {
  seed: number | undefined;
  busy: boolean;
  onSet: (value: number) => Promise<boolean>;
}) {
  const [draft, setDraft] = useState("");
  const n = Number(draft);
  const valid = draft.trim() !== "" && Number.isInteger(n) && n >= 0 && n <= 4294967295;
  return (
    <form
      className="seed"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) void onSet(n).then((ok) => ok && setDraft(""));
      }}
    >
      <p>
        Seed <strong data-testid="fault-seed">{seed ?? "—"}</strong>
        <span className="fault-help"> Same seed, same choices: 5xx, duplicates, drops, retry waits.</span>
      </p>
      <label className="sr-only" htmlFor="fault-seed-input">
        New seed
      </label>
      <input
        id="fault-seed-input"
        type="number"
        min={0}
        max={4294967295}
        placeholder={seed !== undefined ? String(seed) : "seed"}
        aria-invalid={draft !== "" && !valid}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
      />
      <button type="submit" className="btn btn-quiet" disabled={busy || !valid}>
        Set seed
      </button>
    </form>
  );
}

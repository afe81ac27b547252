import { useState, type FormEvent } from "react";
import { controlApi } from "./api";
import { useActions, useBusy } from "./actions";
import { formatMoney, formatPhone } from "./format";
import type { Workspace } from "./types";

const ROLE_LABEL: Record<string, string> = { dial_in: "Dial-in", caller_id: "Caller ID" };

export function WorkspacesPanel({ workspaces }: { workspaces: Workspace[] }) {
  return (
    <section className="panel" aria-labelledby="workspaces-title">
      <div className="panel-head">
        <h2 id="workspaces-title">Workspaces and wallets</h2>
        <span className="count">{workspaces.length}</span>
      </div>
      {workspaces.length === 0 ? <p className="empty">No workspaces.</p> : null}
      <ul className="workspaces">
        {workspaces.map((w) => (
          <WorkspaceItem key={w.workspace_id} workspace={w} />
        ))}
      </ul>
      <CreateWorkspaceForm />
    </section>
  );
}

/** KES as typed by a person ("1,000" or "12.50") → minor units, or null. */
export function parseKes(input: string): number | null {
  const cleaned = input.replace(/[,\s]/g, "");
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

/** host + path, enough to tell the app's routes apart. */
function shortUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return url;
  }
}

function WorkspaceItem({ workspace }: { workspace: Workspace }) {
  const { run } = useActions();
  const [busy, wrap] = useBusy();
  const [amount, setAmount] = useState("500");
  const minor = parseKes(amount);
  const id = workspace.workspace_id;
  const inputId = `wallet-${id}`;
  const label = workspace.name || id;
  const low = typeof workspace.balance_minor === "number" && workspace.balance_minor <= 0;

  const change = (body: { set_minor?: number; topup_minor?: number }, message: string) =>
    void wrap(() => run(() => controlApi.wallet(id, body), message));

  const topUp = (event: FormEvent) => {
    event.preventDefault();
    if (minor === null || minor <= 0) return;
    change({ topup_minor: minor }, `Topped up ${label} by ${formatMoney(minor, workspace.currency)}.`);
  };

  return (
    <li className="workspace" data-testid={`workspace-${id}`}>
      <div className="workspace-head">
        <span className="workspace-name">{label}</span>
        <span className={`balance${low ? " balance-empty" : ""}`} aria-label={`Balance of ${label}`}>
          {formatMoney(workspace.balance_minor, workspace.currency)}
          {low ? <span className="tag tag-danger">Empty</span> : null}
        </span>
      </div>
      <p className="workspace-id">
        <code>{id}</code>
      </p>
      <ul className="numbers">
        {workspace.numbers.map((n) => (
          <li key={n.id || n.e164}>
            <span className="number-line">
              <span className="tag tag-soft">{ROLE_LABEL[n.role] ?? n.role}</span> {formatPhone(n.e164)}
            </span>
            <span className="routing">
              {n.voice_callback_url ? (
                <code title={n.voice_callback_url}>voice → {shortUrl(n.voice_callback_url)}</code>
              ) : (
                <span>voice: not routed, calls dialled to it fail</span>
              )}
              {n.events_url ? (
                <code title={n.events_url}>events → {shortUrl(n.events_url)}</code>
              ) : (
                <span>events: not routed</span>
              )}
            </span>
          </li>
        ))}
      </ul>
      <form className="wallet" onSubmit={topUp} noValidate>
        <label htmlFor={inputId}>Amount (KES)</label>
        <div className="wallet-row">
          <input
            id={inputId}
            inputMode="decimal"
            value={amount}
            aria-invalid={minor === null}
            onChange={(e) => setAmount(e.target.value)}
          />
          <button type="submit" className="btn" disabled={busy || minor === null || minor <= 0}>
            Top up
          </button>
          <button
            type="button"
            className="btn"
            disabled={busy || minor === null}
            onClick={() =>
              minor !== null &&
              change({ set_minor: minor }, `Set ${label} to ${formatMoney(minor, workspace.currency)}.`)
            }
          >
            Set
          </button>
          <button
            type="button"
            className="btn btn-danger-quiet"
            disabled={busy}
            onClick={() => change({ set_minor: 0 }, `Drained ${label}'s wallet: new calls get 402.`)}
          >
            Drain
          </button>
        </div>
      </form>
    </li>
  );
}

function CreateWorkspaceForm() {
  const { run } = useActions();
  const [busy, wrap] = useBusy();
  const [name, setName] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void wrap(async () => {
      if (await run(() => controlApi.createWorkspace(name.trim()), "Workspace created.")) setName("");
    });
  };

  return (
    <form className="create-workspace" onSubmit={submit}>
      <label htmlFor="new-workspace">New workspace</label>
      <div className="wallet-row">
        <input
          id="new-workspace"
          placeholder="Name (optional)"
          maxLength={80}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="btn" disabled={busy}>
          Create
        </button>
      </div>
    </form>
  );
}

import { useCallback, useMemo, useRef, useState } from "react";
import { ActionsProvider, useActions, useBusy, useNotice } from "./actions";
import { controlApi } from "./api";
import { DeliveriesPanel } from "./deliveries-panel";
import { AddPhoneForm, DialInForm } from "./dial-in-form";
import { FaultsPanel } from "./faults-panel";
import { PhoneCard } from "./phone-card";
import { RequestsPanel } from "./requests-panel";
import { useAddedPhones, useNow, useOrderedPhones } from "./phones";
import { RoomsPanel } from "./rooms-panel";
import { useAnnouncer } from "./use-announcer";
import { useEmulatorState, type Connection } from "./use-emulator-state";
import { WorkspacesPanel } from "./workspaces-panel";
import type { Snapshot } from "./types";

// Before the first snapshot: the lists every panel walks, empty; the rest stays unknown.
type Shown = Pick<Snapshot, "workspaces" | "phones" | "calls" | "rooms" | "deliveries" | "requests"> &
  Partial<Snapshot>;
const EMPTY: Shown = { workspaces: [], phones: [], calls: [], rooms: [], deliveries: [], requests: [] };

export function App() {
  const { snapshot, connection, refresh } = useEmulatorState();
  return (
    <ActionsProvider refresh={refresh}>
      <Console snapshot={snapshot} connection={connection} />
    </ActionsProvider>
  );
}

function Console({ snapshot, connection }: { snapshot: Snapshot | null; connection: Connection }) {
  const state: Shown = snapshot ?? EMPTY;
  const now = useNow(1000);
  const [added, addPhone, removePhone] = useAddedPhones();
  const phones = useOrderedPhones(state.phones, added);
  const announcement = useAnnouncer(snapshot?.phones);
  const [dialFrom, setDialFrom] = useState("");
  const [showIdle, setShowIdle] = useState(true);
  const [search, setSearch] = useState("");
  const fromRef = useRef<HTMLInputElement>(null);
  const calls = useMemo(() => new Map(state.calls.map((c) => [c.id, c])), [state.calls]);

  const onDialFrom = useCallback((e164: string) => {
    setDialFrom(e164);
    fromRef.current?.focus();
    fromRef.current?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, []);

  const digits = search.replace(/\D/g, "");
  const visible = phones
    .filter((p) => showIdle || (p.state !== "idle" && p.state !== "ended"))
    .filter((p) => !digits || p.e164.includes(digits));
  const ringing = phones.filter((p) => p.state === "ringing").length;
  const inCall = phones.filter((p) => p.state === "in_call" || p.state === "waiting").length;

  return (
    <>
      <header className="topbar">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            S
          </span>
          <div>
            <p className="brand-name">Sautikit emulator</p>
            <h1>Phones console</h1>
          </div>
        </div>
        <div className="topbar-end">
          {snapshot?.time_scale !== undefined && snapshot.time_scale !== 1 ? (
            <span className="pill" title="Retry waits and ring timeouts are scaled; call durations and billing are not">
              Time × {snapshot.time_scale}
            </span>
          ) : null}
          <ConnectionPill connection={connection} />
          <ResetButton />
        </div>
      </header>

      <div className="sr-only" aria-live="polite" aria-atomic="true" data-testid="announcer">
        {announcement}
      </div>
      <NoticeBar />

      <main className="layout">
        <section className="phones-area" aria-labelledby="phones-title">
          <div className="toolbar">
            <DialInForm
              workspaces={state.workspaces}
              from={dialFrom}
              onFromChange={setDialFrom}
              fromRef={fromRef}
              onDialled={addPhone}
            />
            <AddPhoneForm onAdd={addPhone} />
          </div>
          <div className="phones-head">
            <h2 id="phones-title">Phones</h2>
            <p className="summary">
              {phones.length} {phones.length === 1 ? "phone" : "phones"} · {ringing} ringing · {inCall} in a call
            </p>
            <label className="sr-only" htmlFor="phone-search">
              Find a phone by number
            </label>
            <input
              id="phone-search"
              className="phone-search"
              type="search"
              inputMode="tel"
              placeholder="Find a number"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
            <label className="check">
              <input type="checkbox" checked={showIdle} onChange={(e) => setShowIdle(e.target.checked)} />
              Show idle phones
            </label>
          </div>
          {snapshot === null ? (
            <p className="empty">Connecting to the emulator…</p>
          ) : visible.length === 0 ? (
            <div className="empty empty-phones">
              {phones.length > 0 ? (
                <p>
                  <strong>No phones match.</strong> Clear the search or show idle phones.
                </p>
              ) : (
                <>
                  <p>
                    <strong>No phones yet.</strong>
                  </p>
                  <p>
                    A phone appears here as soon as it is in a call: place one through the API (every E.164 number is a
                    phone), dial in above, or add a number by hand.
                  </p>
                </>
              )}
            </div>
          ) : (
            <div className="phone-grid">
              {visible.map((phone) => (
                <PhoneCard
                  key={phone.e164}
                  phone={phone}
                  call={phone.call_id ? calls.get(phone.call_id) : undefined}
                  now={phone.state === "in_call" || phone.state === "waiting" ? now : 0}
                  manual={added.includes(phone.e164)}
                  onDialFrom={onDialFrom}
                  onRemove={removePhone}
                />
              ))}
            </div>
          )}
        </section>

        <aside className="sidebar" aria-label="Emulator state">
          <RoomsPanel rooms={state.rooms} />
          <WorkspacesPanel workspaces={state.workspaces} />
          <FaultsPanel faults={state.faults} seed={state.fault_seed} />
        </aside>

        <DeliveriesPanel deliveries={state.deliveries} now={now} />
        <RequestsPanel requests={state.requests} />
      </main>
    </>
  );
}

const CONNECTION_LABEL: Record<Connection, string> = {
  connecting: "Connecting…",
  live: "Live",
  polling: "Polling",
  offline: "Emulator offline",
};

function ConnectionPill({ connection }: { connection: Connection }) {
  return (
    <span className={`pill pill-${connection}`} data-testid="connection" title="How this page follows the emulator">
      <span className="dot" aria-hidden="true" />
      {CONNECTION_LABEL[connection]}
    </span>
  );
}

function ResetButton() {
  const { run } = useActions();
  const [busy, wrap] = useBusy();
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="btn btn-ghost" onClick={() => setConfirming(true)}>
        Reset…
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label="Confirm reset">
      <span>Hang up every call and restore the seeded state?</span>
      <button
        type="button"
        className="btn btn-danger"
        disabled={busy}
        onClick={() =>
          void wrap(async () => {
            await run(() => controlApi.reset(), "Emulator reset.");
            setConfirming(false);
          })
        }
      >
        Reset emulator
      </button>
      <button type="button" className="btn btn-ghost" onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </span>
  );
}

function NoticeBar() {
  const { notice, dismiss } = useNotice();
  return (
    <div className="notice-area" role="status" aria-live="polite">
      {notice ? (
        <div className={`notice notice-${notice.tone}`} key={notice.id}>
          <span>{notice.text}</span>
          <button type="button" className="notice-close" aria-label="Dismiss" onClick={dismiss}>
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}

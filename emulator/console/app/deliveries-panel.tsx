import { Fragment, useMemo, useState } from "react";
import { formatClock, formatRelative } from "./format";
import { LogFilters } from "./log-filters";
import { LogTable } from "./log-table";
import type { Delivery, DeliveryAttempt } from "./types";

const OUTCOME_LABEL: Record<Delivery["outcome"], string> = {
  delivered: "Delivered",
  failed: "Failed, will retry",
  pending: "Pending",
  dead_letter: "Dead letter",
};

const SHOWN = 200;

export function DeliveriesPanel({ deliveries, now }: { deliveries: Delivery[]; now: number }) {
  const [outcome, setOutcome] = useState<string>("all");
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    return deliveries
      .filter((d) => outcome === "all" || d.outcome === outcome)
      .filter((d) => !q || `${d.kind} ${d.event_id} ${d.url}`.toLowerCase().includes(q))
      .sort((a, b) => lastActivity(b) - lastActivity(a))
      .slice(0, SHOWN);
  }, [deliveries, outcome, query]);

  const failing = deliveries.filter((d) => d.outcome === "failed" || d.outcome === "dead_letter").length;

  return (
    <section className="panel panel-wide" aria-labelledby="deliveries-title">
      <div className="panel-head">
        <h2 id="deliveries-title">Webhook deliveries</h2>
        <span className="count">
          {deliveries.length} total{failing ? `, ${failing} failing` : ""}
        </span>
        <LogFilters
          id="delivery"
          search={{
            label: "Filter by kind, event id or URL",
            placeholder: "Filter kind, event, URL",
            value: query,
            onChange: setQuery,
          }}
          choice={{
            label: "Outcome",
            allLabel: "All outcomes",
            options: Object.entries(OUTCOME_LABEL),
            value: outcome,
            onChange: setOutcome,
          }}
        />
      </div>
      <LogTable
        label="Deliveries table, newest first"
        columns={["Time", "Kind", "Event", "Attempt", "Status", "Latency", "Outcome", "Next retry"]}
        numeric={["Attempt", "Status", "Latency"]}
        empty={
          rows.length > 0 ? null : deliveries.length === 0 ? "No webhooks sent yet." : "No deliveries match the filter."
        }
      >
        {rows.map((d) => {
          const history = d.history;
          const expanded = open.has(d.id);
          return (
            <Fragment key={d.id}>
              <tr className={`outcome-${d.outcome}`}>
                <td>{formatClock(lastAt(d))}</td>
                <td>
                  <code>{d.kind}</code>
                </td>
                <td className="event" title={d.url}>
                  <code>{d.event_id}</code>
                </td>
                <td className="num">
                  {history.length > 0 ? (
                    <button
                      type="button"
                      className="link"
                      aria-expanded={expanded}
                      aria-label={`Attempt ${d.attempt}${d.max_attempts ? ` of ${d.max_attempts}` : ""}: show every attempt`}
                      onClick={() => toggle(d.id)}
                    >
                      {attemptText(d)}
                    </button>
                  ) : (
                    attemptText(d)
                  )}
                </td>
                <td className="num">{d.status_code ?? "—"}</td>
                <td className="num">{formatLatency(d.latency_ms)}</td>
                <td>
                  <span className={`badge badge-${d.outcome}`}>
                    <span className="dot" aria-hidden="true" />
                    {OUTCOME_LABEL[d.outcome] ?? d.outcome}
                  </span>
                  {d.error ? <span className="delivery-error">{d.error}</span> : null}
                </td>
                <td>{d.next_attempt_at ? formatRelative(d.next_attempt_at, now) : "—"}</td>
              </tr>
              {expanded ? (
                <tr className="history-row">
                  <td colSpan={8}>
                    <AttemptHistory url={d.url} history={history} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </LogTable>
    </section>
  );
}

/** When this delivery last did something: its latest attempt, else its creation. */
const lastAt = (d: Delivery): string => d.history.at(-1)?.at ?? d.created_at;

function lastActivity(d: Delivery): number {
  const at = Date.parse(lastAt(d));
  return Number.isNaN(at) ? 0 : at;
}

const attemptText = (d: Delivery) => (d.max_attempts ? `${d.attempt} of ${d.max_attempts}` : String(d.attempt));
const formatLatency = (ms: number | null | undefined) => (typeof ms === "number" ? `${Math.round(ms)} ms` : "—");

function AttemptHistory({ url, history }: { url: string; history: DeliveryAttempt[] }) {
  return (
    <div className="history">
      <p>
        To <code>{url}</code>
      </p>
      <ol>
        {history.map((a) => (
          <li key={a.attempt}>
            <span>Attempt {a.attempt}</span>
            <span>{formatClock(a.at)}</span>
            {a.wait_ms ? <span>after waiting {(a.wait_ms / 1000).toFixed(1)} s</span> : null}
            <span>{a.status_code ?? "no response"}</span>
            <span>{formatLatency(a.latency_ms)}</span>
            {a.error ? <span className="delivery-error">{a.error}</span> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

import { useMemo, useState } from "react";
import { formatClock, formatRelative } from "./format";
import type { Delivery } from "./types";

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

  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    return deliveries
      .filter((d) => outcome === "all" || d.outcome === outcome)
      .filter((d) => !q || `${d.kind} ${d.event_id} ${d.url}`.toLowerCase().includes(q))
      .reverse()
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
        <div className="filters">
          <label className="sr-only" htmlFor="delivery-filter">Filter by kind, event id or URL</label>
          <input
            id="delivery-filter"
            type="search"
            placeholder="Filter kind, event, URL"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <label className="sr-only" htmlFor="delivery-outcome">Outcome</label>
          <select id="delivery-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value)}>
            <option value="all">All outcomes</option>
            {Object.entries(OUTCOME_LABEL).map(([value, text]) => (
              <option key={value} value={value}>{text}</option>
            ))}
          </select>
        </div>
      </div>
      {rows.length === 0 ? (
        <p className="empty">{deliveries.length === 0 ? "No webhooks sent yet." : "No deliveries match the filter."}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Deliveries table, newest first">
          <table className="deliveries">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Kind</th>
                <th scope="col">Event</th>
                <th scope="col" className="num">Attempt</th>
                <th scope="col" className="num">Status</th>
                <th scope="col" className="num">Latency</th>
                <th scope="col">Outcome</th>
                <th scope="col">Next retry</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.id} className={`outcome-${d.outcome}`}>
                  <td>{formatClock(d.at ?? d.created_at ?? null)}</td>
                  <td><code>{d.kind}</code></td>
                  <td className="event" title={d.url}><code>{d.event_id}</code></td>
                  <td className="num">{d.max_attempts ? `${d.attempt} of ${d.max_attempts}` : d.attempt}</td>
                  <td className="num">{d.status_code ?? "—"}</td>
                  <td className="num">{typeof d.latency_ms === "number" ? `${Math.round(d.latency_ms)} ms` : "—"}</td>
                  <td>
                    <span className={`badge badge-${d.outcome}`}>
                      <span className="dot" aria-hidden="true" />
                      {OUTCOME_LABEL[d.outcome] ?? d.outcome}
                    </span>
                    {d.error ? <span className="delivery-error">{d.error}</span> : null}
                  </td>
                  <td>{d.next_attempt_at ? formatRelative(d.next_attempt_at, now) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

import { useMemo, useState } from "react";
import { formatClock } from "./format";
import { LogFilters } from "./log-filters";
import { LogTable } from "./log-table";
import type { RequestLogEntry } from "./types";

// Every /v1 request the emulator answered (newest first, the last few hundred): what an app sent
// and what it got back, with the Request-Id to match against its own logs.

const SHOWN = 200;
const STATUS_CLASSES = ["2xx", "3xx", "4xx", "5xx"] as const;

export function RequestsPanel({ requests }: { requests: RequestLogEntry[] }) {
  const [query, setQuery] = useState("");
  const [statusClass, setStatusClass] = useState("all");
  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    return requests
      .filter((r) => statusClass === "all" || `${Math.floor(r.status / 100)}xx` === statusClass)
      .filter(
        (r) =>
          !q ||
          `${r.method} ${r.path} ${r.request_id} ${r.error_code ?? ""} ${r.idempotency_key ?? ""}`
            .toLowerCase()
            .includes(q),
      )
      .slice(0, SHOWN);
  }, [requests, query, statusClass]);
  const errors = requests.filter((r) => r.status >= 400).length;

  return (
    <section className="panel panel-wide" aria-labelledby="requests-title">
      <div className="panel-head">
        <h2 id="requests-title">API requests</h2>
        <span className="count">
          {requests.length} shown{errors ? `, ${errors} ${errors === 1 ? "error" : "errors"}` : ""}
        </span>
        <LogFilters
          id="request"
          search={{
            label: "Filter by method, path, request id, error or idempotency key",
            placeholder: "Filter path, request id, error",
            value: query,
            onChange: setQuery,
          }}
          choice={{
            label: "Status",
            allLabel: "All statuses",
            options: STATUS_CLASSES.map((c) => [c, c] as const),
            value: statusClass,
            onChange: setStatusClass,
          }}
        />
      </div>
      <LogTable
        label="API requests table, newest first"
        testId="requests-table"
        columns={["Time", "Request", "Status", "Latency", "Request id", "Idempotency"]}
        numeric={["Status", "Latency"]}
        empty={
          rows.length > 0 ? null : requests.length === 0 ? "No API requests yet." : "No requests match the filter."
        }
      >
        {rows.map((r) => (
          <tr key={r.request_id} className={r.status >= 400 ? "outcome-failed" : "outcome-delivered"}>
            <td>{formatClock(r.at)}</td>
            <td className="event" title={r.path}>
              <code>
                {r.method} {r.path}
              </code>
            </td>
            <td className="num">
              {r.status}
              {r.error_code ? <span className="delivery-error"> {r.error_code}</span> : null}
            </td>
            <td className="num">{r.latency_ms} ms</td>
            <td>
              <code>{r.request_id}</code>
            </td>
            <td>
              {r.idempotent_replay ? (
                <span className="badge badge-pending">
                  <span className="dot" aria-hidden="true" />
                  Replayed
                </span>
              ) : r.idempotency_key ? (
                <span title={r.idempotency_key}>Key sent</span>
              ) : (
                "—"
              )}
            </td>
          </tr>
        ))}
      </LogTable>
    </section>
  );
}

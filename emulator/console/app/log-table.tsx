import type { ReactNode } from "react";

// The table of the console's log panels (API requests, webhook deliveries): a scrollable,
// keyboard-reachable region with column headers, or one line saying why there are no rows.

export function LogTable({
  label,
  columns,
  numeric = [],
  empty,
  testId,
  children,
}: {
  /** The region's accessible name. */
  label: string;
  columns: readonly string[];
  /** The columns holding numbers (right-aligned). */
  numeric?: readonly string[];
  /** Shown instead of the table when there are no rows. */
  empty: string | null;
  testId?: string;
  children: ReactNode;
}) {
  if (empty !== null) return <p className="empty">{empty}</p>;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      <table className="deliveries" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className={numeric.includes(column) ? "num" : undefined}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

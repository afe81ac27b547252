import type { Statement, StatementCall } from "@/lib/spend/build-statement";

// RFC 4180 CSV. Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) are prefixed
// with a quote: names and phone numbers come from people outside the workspace.

export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const kes = (minor: number) => (minor / 100).toFixed(2);

/** The CSV's words in the reader's language (the route passes the catalog's; English by default). */
export type StatementCsvLabels = {
  header: string[];
  total: string;
  role: (role: string) => string;
  /** One call: "Reminder call: Reminded (will join later), KES 0.50". */
  call: (c: StatementCall) => string;
};

export const ENGLISH_CSV_LABELS: StatementCsvLabels = {
  header: [
    "Name",
    "Phone",
    "Role",
    "Joined (UTC)",
    "Left (UTC)",
    "Seconds connected",
    "Seconds waiting",
    "Legs",
    "Billed seconds",
    "Cost (KES)",
    "Calls",
  ],
  total: "Total",
  role: (role) => role,
  call: (c) => `${c.purpose}: ${c.endReason ?? c.state}, KES ${kes(c.costMinor)}`,
};

export function statementCsv(statement: Statement, labels: StatementCsvLabels = ENGLISH_CSV_LABELS): string {
  const header = labels.header;
  const lines = [header.map(csvCell).join(",")];
  for (const r of statement.rows) {
    lines.push(
      [
        r.name,
        r.phone,
        labels.role(r.role),
        iso(r.joinedAt),
        iso(r.leftAt),
        r.secondsConnected,
        r.secondsWaiting,
        r.legs,
        r.billedSeconds,
        kes(r.costMinor),
        r.calls.map(labels.call).join("; "),
      ]
        .map(csvCell)
        .join(","),
    );
  }
  const t = statement.totals;
  lines.push(
    [
      labels.total,
      "",
      "",
      null,
      null,
      t.secondsConnected,
      t.secondsWaiting,
      t.legs,
      t.billedSeconds,
      kes(t.costMinor),
      "",
    ]
      .map(csvCell)
      .join(","),
  );
  return lines.join("\r\n") + "\r\n";
}

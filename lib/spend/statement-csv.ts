import type { Statement } from "@/lib/spend/build-statement";
import { formatPhone, isE164, MASK_DIGIT } from "@/lib/shared/phone";

// RFC 4180 CSV. Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) are prefixed
// with a quote: names come from people outside the workspace.

export function csvCell(value: string | number | null, opts: { raw?: boolean } = {}): string {
  if (value === null) return "";
  let s = String(value);
  if (!opts.raw && typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// A phone number starts with "+", which Excel, LibreOffice and Google Sheets read as the start of a
// formula ("+254 712 345 678" becomes an error, "+254712345678" a number in scientific notation).
// The apostrophe prefix that defuses names stays visible in a cell opened from a CSV, so a number
// is written as ="+254 712 345 678" instead: the spreadsheet shows the text exactly, with nothing
// in front of it. That formula is a single string literal — no function, no reference — and only a
// number in our own display form (digits, spaces, "+" and the mask dot, checked here) is ever
// written this way, so it cannot carry an injected formula; anything else falls back to csvCell
// (ADR 0022).
const DISPLAYED_NUMBER = new RegExp(`^\\+[\\d ${MASK_DIGIT}]+$`);

export function phoneCell(value: string | null): string {
  if (!value) return "";
  const shown = isE164(value) ? formatPhone(value) : value;
  return DISPLAYED_NUMBER.test(shown) ? csvCell(`="${shown}"`, { raw: true }) : csvCell(shown);
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const kes = (minor: number) => (minor / 100).toFixed(2);

export function statementCsv(statement: Statement): string {
  const header = [
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
  ];
  const lines = [header.map((h) => csvCell(h)).join(",")];
  for (const r of statement.rows) {
    lines.push(
      [
        csvCell(r.name),
        phoneCell(r.phone),
        ...[
          r.role,
          iso(r.joinedAt),
          iso(r.leftAt),
          r.secondsConnected,
          r.secondsWaiting,
          r.legs,
          r.billedSeconds,
          kes(r.costMinor),
        ].map((c) => csvCell(c)),
      ].join(","),
    );
  }
  const t = statement.totals;
  lines.push(
    ["Total", "", "", null, null, t.secondsConnected, t.secondsWaiting, t.legs, t.billedSeconds, kes(t.costMinor)]
      .map((c) => csvCell(c))
      .join(","),
  );
  return lines.join("\r\n") + "\r\n";
}

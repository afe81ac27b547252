"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { MonthSpend } from "@/lib/spend/spend-summary";

const monthLabel = (key: string) => {
  const [y, m] = key.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, 1)).toLocaleString("en-GB", {
    month: "short",
    year: "2-digit",
    timeZone: "UTC",
  });
};

/** Monthly spend in KES. The table beside it carries the same figures for screen readers. */
export function SpendChart({ months }: { months: MonthSpend[] }) {
  const data = months.map((m) => ({ month: monthLabel(m.month), kes: m.costMinor / 100 }));
  return (
    <div className="h-64 w-full" aria-hidden="true" data-testid="spend-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" tick={{ fontSize: 12 }} />
          <YAxis tick={{ fontSize: 12 }} width={56} tickFormatter={(v: number) => `${v}`} />
          <Tooltip formatter={(v) => [`KES ${Number(v).toFixed(2)}`, "Spend"]} />
          <Bar dataKey="kes" fill="currentColor" className="text-brand-600" radius={[4, 4, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

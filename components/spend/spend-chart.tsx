"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { MonthSpend } from "@/lib/spend/spend-summary";
import { useIntlLocale } from "@/lib/i18n/client";
import { useFormat } from "@/lib/i18n/use-format";

const monthLabel = (key: string, locale: string) => {
  const [y, m] = key.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, 1)).toLocaleString(locale, {
    month: "short",
    year: "2-digit",
    timeZone: "UTC",
  });
};

/** Monthly spend in KES. The table beside it carries the same figures for screen readers. */
export function SpendChart({ months, seriesLabel }: { months: MonthSpend[]; seriesLabel: string }) {
  const locale = useIntlLocale();
  const fmt = useFormat();
  const data = months.map((m) => ({ month: monthLabel(m.month, locale), kes: m.costMinor / 100 }));
  return (
    <div className="h-64 w-full" aria-hidden="true" data-testid="spend-chart">
      <ResponsiveContainer width="100%" height="100%">
        {/* No keyboard layer: the chart is hidden from assistive tech (the table has the figures),
            and a focusable element inside aria-hidden would be a stop that announces nothing. */}
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" tick={{ fontSize: 12 }} />
          <YAxis tick={{ fontSize: 12 }} width={56} tickFormatter={(v: number) => fmt.number(v)} />
          <Tooltip formatter={(v) => [fmt.kes(Math.round(Number(v) * 100)), seriesLabel]} />
          <Bar dataKey="kes" fill="currentColor" className="text-brand-600" radius={[4, 4, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

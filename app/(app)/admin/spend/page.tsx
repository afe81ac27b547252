import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { SpendChart } from "@/components/spend/spend-chart";
import { formatDateTime, formatDuration, formatKes } from "@/components/spend/format";
import { requireActor } from "@/lib/auth/actor";
import { compareMonthSpend, type MonthSpendComparison } from "@/lib/spend/compare-month-spend";
import { getWallet } from "@/lib/spend/get-wallet";
import { spendSummary } from "@/lib/spend/spend-summary";

export const metadata = { title: "Spend" };
export const dynamic = "force-dynamic";

export default async function SpendPage() {
  const actor = await requireActor({ admin: true });
  const [wallet, summary, month] = await Promise.all([
    getWallet(actor.workspaceId),
    spendSummary(actor, { months: 12 }),
    compareMonthSpend(actor),
  ]);

  return (
    <>
      <PageHeader
        title="Spend"
        description="What calls cost, from Sautikit's per-second billing (outbound only; dial-in is free)."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card>
          <CardHeader title="Wallet" description="The Sautikit account's balance, read live." />
          <CardBody>
            {wallet.status === "ok" ? (
              <>
                <p className="text-3xl font-semibold tabular-nums" data-testid="wallet-balance">
                  {formatKes(wallet.balanceMinor)}
                </p>
                {wallet.low ? (
                  <Notice tone="warning" className="mt-3" title="Low balance" testId="wallet-low">
                    At or below {formatKes(wallet.lowThresholdMinor)}. When the wallet is empty Sautikit refuses new
                    calls; top it up in the Sautikit dashboard.
                  </Notice>
                ) : (
                  <p className="mt-2 text-sm text-slate-600">
                    Low-balance warning at {formatKes(wallet.lowThresholdMinor)}.
                  </p>
                )}
              </>
            ) : (
              <Notice tone="warning">{wallet.message}</Notice>
            )}
          </CardBody>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader title="Per month" description={`Last 12 months: ${formatKes(summary.totalMinor)} in total.`} />
          <CardBody>
            <SpendChart months={summary.months} />
            <Table caption="Spend per month">
              <THead>
                <Tr>
                  <Th>Month</Th>
                  <Th className="text-right">Calls</Th>
                  <Th className="text-right">Billed time</Th>
                  <Th className="text-right">Cost</Th>
                </Tr>
              </THead>
              <TBody>
                {summary.months
                  .filter((m) => m.legs > 0)
                  .reverse()
                  .map((m) => (
                    <Tr key={m.month}>
                      <Td>{m.month}</Td>
                      <Td className="text-right tabular-nums">{m.legs}</Td>
                      <Td className="text-right tabular-nums">{formatDuration(m.billedSeconds)}</Td>
                      <Td className="text-right tabular-nums">{formatKes(m.costMinor)}</Td>
                    </Tr>
                  ))}
              </TBody>
            </Table>
          </CardBody>
        </Card>
      </div>
      <MonthCheck month={month} />
      <Card className="mt-6">
        <CardHeader
          title="Per meeting"
          description="Meetings with calls in the last 12 months, most expensive first."
        />
        {summary.meetings.length === 0 ? (
          <CardBody>
            <p className="text-sm text-slate-600">No calls yet.</p>
          </CardBody>
        ) : (
          <Table caption="Spend per meeting">
            <THead>
              <Tr>
                <Th>Meeting</Th>
                <Th>Starts</Th>
                <Th className="text-right">Calls</Th>
                <Th className="text-right">Billed time</Th>
                <Th className="text-right">Cost</Th>
                <Th>Budget</Th>
              </Tr>
            </THead>
            <TBody>
              {summary.meetings.map((m) => (
                <Tr key={m.meetingId} data-testid="spend-meeting-row">
                  <Td>
                    <Link href={`/meetings/${m.meetingId}`} className="font-medium text-brand-700 hover:underline">
                      {m.title}
                    </Link>
                  </Td>
                  <Td className="whitespace-nowrap">{formatDateTime(m.startsAt)}</Td>
                  <Td className="text-right tabular-nums">{m.legs}</Td>
                  <Td className="text-right tabular-nums">{formatDuration(m.billedSeconds)}</Td>
                  <Td className="text-right tabular-nums">{formatKes(m.costMinor)}</Td>
                  <Td>
                    {m.budgetMinor === null ? (
                      <span className="text-slate-500">—</span>
                    ) : m.costMinor >= m.budgetMinor ? (
                      <Badge tone="warning">Reached ({formatKes(m.budgetMinor)})</Badge>
                    ) : (
                      formatKes(m.budgetMinor)
                    )}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </>
  );
}

/** This month as Sautikit bills it next to Mkutano's own figure, flagged when they differ. */
async function MonthCheck({ month }: { month: MonthSpendComparison }) {
  const t = await getTranslations("SpendMonthCheck");
  return (
    <Card className="mt-6" data-testid="month-check">
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody>
        <dl className="grid gap-4 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-slate-600">{t("sautikit")}</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid="sautikit-month-spend">
              {month.status === "ok" ? formatKes(month.sautikitMinor) : "—"}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("mkutano")}</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid="mkutano-month-spend">
              {formatKes(month.mkutanoMinor)}
            </dd>
          </div>
        </dl>
        {month.status === "unavailable" ? (
          <Notice tone="warning" className="mt-3">
            {month.reason === "not_connected" ? t("notConnected") : t("unavailable")}
          </Notice>
        ) : month.matches ? (
          <p className="mt-3 text-sm text-slate-600" data-testid="month-spend-match">
            {t("agree")}
          </p>
        ) : (
          <Notice tone="warning" className="mt-3" title={t("differTitle")} testId="month-spend-differs">
            {month.differenceMinor > 0
              ? t("differMore", { amount: formatKes(month.differenceMinor) })
              : t("differLess", { amount: formatKes(-month.differenceMinor) })}{" "}
            {t("differWhy")}{" "}
            <Link href="/admin/calls" className="font-medium underline">
              {t("checkCallLog")}
            </Link>
          </Notice>
        )}
      </CardBody>
    </Card>
  );
}

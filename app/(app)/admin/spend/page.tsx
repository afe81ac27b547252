import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Notice, NoticeLink } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";
import { MeetingLink } from "@/components/meetings/meeting-link";
import { SpendChart } from "@/components/spend/spend-chart";
import { getFormat } from "@/lib/i18n/get-format";
import type { Format } from "@/lib/shared/format";
import { requireActor } from "@/lib/auth/actor";
import { compareMonthSpend, type MonthSpendComparison } from "@/lib/spend/compare-month-spend";
import { getWallet } from "@/lib/spend/get-wallet";
import { spendSummary } from "@/lib/spend/spend-summary";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("AdminSpend", "title");

export const dynamic = "force-dynamic";

export default async function SpendPage() {
  const actor = await requireActor({ admin: true });
  const [wallet, summary, month, t, fmt] = await Promise.all([
    getWallet(actor.workspaceId),
    spendSummary(actor, { months: 12 }),
    compareMonthSpend(actor),
    getTranslations("AdminSpend"),
    getFormat(),
  ]);

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {/* min-w-0: a wide table scrolls inside its card instead of widening the page on a phone. */}
      <div className="grid gap-6 *:min-w-0 lg:grid-cols-3">
        <Card>
          <CardHeader title={t("wallet")} description={t("walletDescription")} />
          <CardBody>
            {wallet.status === "ok" ? (
              <>
                <p className="text-3xl font-semibold tabular-nums" data-testid="wallet-balance">
                  {fmt.kes(wallet.balanceMinor)}
                </p>
                {wallet.low ? (
                  <Notice tone="warning" className="mt-3" title={t("lowBalance")} testId="wallet-low">
                    {t("lowBalanceBody", { threshold: fmt.kes(wallet.lowThresholdMinor) })}
                  </Notice>
                ) : (
                  <p className="mt-2 text-sm text-slate-600">
                    {t("lowThreshold", { threshold: fmt.kes(wallet.lowThresholdMinor) })}
                  </p>
                )}
              </>
            ) : (
              <Notice tone="warning" testId="wallet-unavailable">
                {wallet.reason === "not_connected" ? t("notConnected") : t("walletUnavailable")}
              </Notice>
            )}
          </CardBody>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader
            title={t("perMonth")}
            description={t("perMonthDescription", { total: fmt.kes(summary.totalMinor) })}
          />
          <CardBody>
            <SpendChart months={summary.months} seriesLabel={t("chartSeries")} />
            <DataTable
              caption={t("perMonthCaption")}
              rows={summary.months.filter((m) => m.legs > 0).reverse()}
              rowKey={(m) => m.month}
              columns={[
                { header: t("month"), cell: (m) => fmt.month(m.month) },
                { header: t("calls"), align: "right", cell: (m) => m.legs },
                { header: t("billedTime"), align: "right", cell: (m) => fmt.duration(m.billedSeconds) },
                { header: t("cost"), align: "right", cell: (m) => fmt.kes(m.costMinor) },
              ]}
            />
          </CardBody>
        </Card>
      </div>
      <MonthCheck month={month} fmt={fmt} />
      <Card className="mt-6">
        <CardHeader title={t("perMeeting")} description={t("perMeetingDescription")} />
        {summary.meetings.length === 0 ? (
          <CardBody>
            <p className="text-sm text-slate-600">{t("noCalls")}</p>
          </CardBody>
        ) : (
          <DataTable
            caption={t("perMeetingCaption")}
            rows={summary.meetings}
            rowKey={(m) => m.meetingId}
            rowProps={() => ({ "data-testid": "spend-meeting-row" })}
            columns={[
              {
                header: t("meeting"),
                cell: (m) => <MeetingLink id={m.meetingId} title={m.title} />,
              },
              { header: t("starts"), className: "whitespace-nowrap", cell: (m) => fmt.dateTime(m.startsAt) },
              { header: t("calls"), align: "right", cell: (m) => m.legs },
              { header: t("billedTime"), align: "right", cell: (m) => fmt.duration(m.billedSeconds) },
              { header: t("cost"), align: "right", cell: (m) => fmt.kes(m.costMinor) },
              {
                header: t("budget"),
                cell: (m) =>
                  m.budgetMinor === null ? (
                    <span className="text-slate-500">—</span>
                  ) : m.costMinor >= m.budgetMinor ? (
                    <Badge tone="warning">{t("reached", { budget: fmt.kes(m.budgetMinor) })}</Badge>
                  ) : (
                    fmt.kes(m.budgetMinor)
                  ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}

/** This month as Sautikit bills it next to Mkutano's own figure, flagged when they differ. */
async function MonthCheck({ month, fmt }: { month: MonthSpendComparison; fmt: Format }) {
  const t = await getTranslations("SpendMonthCheck");
  return (
    <Card className="mt-6" data-testid="month-check">
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody>
        <dl className="grid gap-4 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-slate-600">{t("sautikit")}</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid="sautikit-month-spend">
              {month.status === "ok" ? fmt.kes(month.sautikitMinor) : "—"}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("mkutano")}</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid="mkutano-month-spend">
              {fmt.kes(month.mkutanoMinor)}
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
              ? t("differMore", { amount: fmt.kes(month.differenceMinor) })
              : t("differLess", { amount: fmt.kes(-month.differenceMinor) })}{" "}
            {t("differWhy")} <NoticeLink href="/admin/calls" label={t("checkCallLog")} />
          </Notice>
        )}
      </CardBody>
    </Card>
  );
}

"use client";

import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { Table, TBody, Td, Tr } from "@/components/ui/table";
import { buttonClasses } from "@/components/ui/button-classes";
import { useLiveData } from "@/lib/hooks/use-live-data";
import { api } from "@/lib/hooks/api-client";
import { apiUrls } from "@/lib/shared/api-urls";
import type { MeetingStatement } from "@/lib/spend/meeting-statement";
import { BudgetForm } from "@/components/spend/budget-form";
import { useLiveStatement } from "@/components/spend/use-live-statement";
import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/i18n/use-format";

/**
 * Cost and attendance of one meeting: the budget cap (with a warning once reached) and the
 * per-participant statement, refreshed while the meeting can still change.
 */
export function MeetingSpendPanel({ initial }: { initial: MeetingStatement }) {
  const t = useT("SpendPanel");
  const fmt = useFormat();
  const id = initial.meeting.id;
  const changing = initial.meeting.status === "live" || initial.meeting.status === "scheduled";
  const { data, mutate } = useLiveData(apiUrls.statement(id), () => api.meetings.statement(id), {
    fallbackData: initial,
    refreshInterval: (latest) =>
      latest && (latest.meeting.status === "live" || latest.meeting.status === "scheduled") ? 5_000 : 0,
    revalidateOnMount: changing,
    revalidateOnFocus: changing,
  });
  // One cost figure on the page: the statement is metered from the live roster, like its header.
  const s = useLiveStatement(data ?? initial);
  const { budget } = s;
  const nearing = budget.budgetMinor !== null && !budget.reached && budget.spentMinor >= budget.budgetMinor * 0.8;

  return (
    <Card data-testid="meeting-spend">
      <CardHeader
        title={t("title")}
        description={t("description")}
        actions={
          s.rows.length > 0 ? (
            <a href={apiUrls.statementCsv(id)} className={buttonClasses("secondary", "sm")} download>
              {t("downloadCsv")}
            </a>
          ) : null
        }
      />
      <CardBody className="space-y-4">
        {budget.reached ? (
          <Notice tone="warning" title={t("budgetReached")} testId="budget-reached">
            {t("budgetReachedBody", { spent: fmt.kes(budget.spentMinor), budget: fmt.kes(budget.budgetMinor!) })}
          </Notice>
        ) : nearing ? (
          <Notice tone="info" title={t("budgetNearing")} testId="budget-nearing">
            {t("budgetNearingBody", {
              remaining: fmt.kes(budget.remainingMinor!),
              budget: fmt.kes(budget.budgetMinor!),
            })}
          </Notice>
        ) : null}
        <p className="text-sm text-slate-700">
          {t("spentSoFar")} <strong data-testid="meeting-spent">{fmt.kes(budget.spentMinor)}</strong>
          {budget.budgetMinor !== null ? t("ofBudget", { budget: fmt.kes(budget.budgetMinor) }) : t("noCap")}
        </p>
        {s.meeting.status !== "cancelled" ? (
          <BudgetForm meetingId={id} budgetMinor={budget.budgetMinor} onSaved={() => void mutate()} />
        ) : null}
        {s.rows.length === 0 ? (
          <p className="text-sm text-slate-600">{t("nobodyCalled")}</p>
        ) : (
          <Table
            caption={t("caption", { title: s.meeting.title })}
            columns={[
              t("participant"),
              t("joined"),
              t("left"),
              { label: t("connected"), align: "right" },
              { label: t("waiting"), align: "right" },
              { label: t("legs"), align: "right" },
              { label: t("billed"), align: "right" },
              { label: t("cost"), align: "right" },
            ]}
          >
            <TBody>
              {s.rows.map((r) => (
                <Tr key={r.key}>
                  <Td>
                    <div className="font-medium">{r.name}</div>
                    <div className="text-xs text-slate-500">{r.phone}</div>
                  </Td>
                  <Td>{fmt.time(r.joinedAt)}</Td>
                  <Td>{r.joinedAt !== null && r.leftAt === null ? t("stillConnected") : fmt.time(r.leftAt)}</Td>
                  <Td className="text-right tabular-nums">{fmt.duration(r.secondsConnected)}</Td>
                  <Td className="text-right tabular-nums">{fmt.duration(r.secondsWaiting)}</Td>
                  <Td className="text-right tabular-nums">{r.legs}</Td>
                  <Td className="text-right tabular-nums">{t("seconds", { count: r.billedSeconds })}</Td>
                  <Td className="text-right tabular-nums">{fmt.kes(r.costMinor)}</Td>
                </Tr>
              ))}
              <Tr className="bg-slate-50 font-semibold">
                <Td>{t("total")}</Td>
                <Td />
                <Td />
                <Td className="text-right tabular-nums">{fmt.duration(s.totals.secondsConnected)}</Td>
                <Td className="text-right tabular-nums">{fmt.duration(s.totals.secondsWaiting)}</Td>
                <Td className="text-right tabular-nums">{s.totals.legs}</Td>
                <Td className="text-right tabular-nums">{t("seconds", { count: s.totals.billedSeconds })}</Td>
                <Td className="text-right tabular-nums" data-testid="statement-total">
                  {fmt.kes(s.totals.costMinor)}
                </Td>
              </Tr>
            </TBody>
          </Table>
        )}
      </CardBody>
    </Card>
  );
}

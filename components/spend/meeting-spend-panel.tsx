"use client";

import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { buttonClasses } from "@/components/ui/button-classes";
import useSWR from "swr";
import { api } from "@/lib/hooks/api-client";
import { apiUrls } from "@/lib/shared/api-urls";
import type { MeetingStatement } from "@/lib/spend/meeting-statement";
import { BudgetForm } from "@/components/spend/budget-form";
import { formatDuration, formatKes, formatTime } from "@/components/spend/format";

/**
 * Cost and attendance of one meeting: the budget cap (with a warning once reached) and the
 * per-participant statement, refreshed while the meeting can still change.
 */
export function MeetingSpendPanel({ initial }: { initial: MeetingStatement }) {
  const id = initial.meeting.id;
  const changing = initial.meeting.status === "live" || initial.meeting.status === "scheduled";
  const { data, mutate } = useSWR(apiUrls.statement(id), () => api.meetings.statement(id), {
    fallbackData: initial,
    refreshInterval: (latest) =>
      latest && (latest.meeting.status === "live" || latest.meeting.status === "scheduled") ? 5_000 : 0,
    revalidateOnMount: changing,
    revalidateOnFocus: changing,
  });
  const s = data ?? initial;
  const { budget } = s;
  const nearing = budget.budgetMinor !== null && !budget.reached && budget.spentMinor >= budget.budgetMinor * 0.8;

  return (
    <Card data-testid="meeting-spend">
      <CardHeader
        title="Cost and attendance"
        description="Billed per second by Sautikit. Joined and left times are East Africa Time."
        actions={
          s.rows.length > 0 ? (
            <a href={apiUrls.statementCsv(id)} className={buttonClasses("secondary", "sm")} download>
              Download CSV
            </a>
          ) : null
        }
      />
      <CardBody className="space-y-4">
        {budget.reached ? (
          <Notice tone="warning" title="Budget reached" testId="budget-reached">
            This meeting has cost {formatKes(budget.spentMinor)} of its {formatKes(budget.budgetMinor!)} budget. No new
            calls can be placed until the budget is raised; people already connected stay on.
          </Notice>
        ) : nearing ? (
          <Notice tone="info" title="Budget nearly used" testId="budget-nearing">
            {formatKes(budget.remainingMinor!)} of the {formatKes(budget.budgetMinor!)} budget is left.
          </Notice>
        ) : null}
        <p className="text-sm text-slate-700">
          Spent so far: <strong data-testid="meeting-spent">{formatKes(budget.spentMinor)}</strong>
          {budget.budgetMinor !== null ? <> of a {formatKes(budget.budgetMinor)} budget</> : <> (no budget cap)</>}
        </p>
        {s.meeting.status !== "cancelled" ? (
          <BudgetForm meetingId={id} budgetMinor={budget.budgetMinor} onSaved={() => void mutate()} />
        ) : null}
        {s.rows.length === 0 ? (
          <p className="text-sm text-slate-600">Nobody has been called yet, so there is no statement.</p>
        ) : (
          <Table caption={`Statement per participant for ${s.meeting.title}`}>
            <THead>
              <Tr>
                <Th>Participant</Th>
                <Th>Joined</Th>
                <Th>Left</Th>
                <Th className="text-right">Connected</Th>
                <Th className="text-right">Waiting</Th>
                <Th className="text-right">Legs</Th>
                <Th className="text-right">Billed</Th>
                <Th className="text-right">Cost</Th>
              </Tr>
            </THead>
            <TBody>
              {s.rows.map((r) => (
                <Tr key={r.key}>
                  <Td>
                    <div className="font-medium">{r.name}</div>
                    <div className="text-xs text-slate-500">{r.phone}</div>
                  </Td>
                  <Td>{formatTime(r.joinedAt)}</Td>
                  <Td>{r.joinedAt !== null && r.leftAt === null ? "Still connected" : formatTime(r.leftAt)}</Td>
                  <Td className="text-right tabular-nums">{formatDuration(r.secondsConnected)}</Td>
                  <Td className="text-right tabular-nums">{formatDuration(r.secondsWaiting)}</Td>
                  <Td className="text-right tabular-nums">{r.legs}</Td>
                  <Td className="text-right tabular-nums">{r.billedSeconds} s</Td>
                  <Td className="text-right tabular-nums">{formatKes(r.costMinor)}</Td>
                </Tr>
              ))}
              <Tr className="bg-slate-50 font-semibold">
                <Td>Total</Td>
                <Td />
                <Td />
                <Td className="text-right tabular-nums">{formatDuration(s.totals.secondsConnected)}</Td>
                <Td className="text-right tabular-nums">{formatDuration(s.totals.secondsWaiting)}</Td>
                <Td className="text-right tabular-nums">{s.totals.legs}</Td>
                <Td className="text-right tabular-nums">{s.totals.billedSeconds} s</Td>
                <Td className="text-right tabular-nums" data-testid="statement-total">
                  {formatKes(s.totals.costMinor)}
                </Td>
              </Tr>
            </TBody>
          </Table>
        )}
      </CardBody>
    </Card>
  );
}

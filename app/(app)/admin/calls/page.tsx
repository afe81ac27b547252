import { Link } from "@/components/ui/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { DataCard, DataTable } from "@/components/ui/data-table";
import { MeetingLink } from "@/components/meetings/meeting-link";
import { flatten, type SearchParamsProps, withQuery } from "@/components/admin/query-links";
import { getFormat } from "@/lib/i18n/get-format";
import { stateTextKeys } from "@/lib/shared/leg-state-text";
import { requireActor } from "@/lib/auth/actor";
import { callLogQuerySchema, reconcileCalls } from "@/lib/reconcile/reconcile-calls";
import { callLogIssueText, callStatusText } from "@/lib/reconcile/call-log-text";
import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("CallLog", "title");
export const dynamic = "force-dynamic";

export default async function CallLogPage({ searchParams }: SearchParamsProps) {
  const actor = await requireActor({ admin: true });
  const query = flatten(await searchParams);
  const parsed = callLogQuerySchema.safeParse(query);
  const opts = parsed.success ? parsed.data : { days: 7, onlyMismatches: false };
  const log = await reconcileCalls(actor, opts);
  const [t, tc, tr, fmt] = await Promise.all([
    getTranslations("SautikitStatus"),
    getTranslations("CallLog"),
    getTranslations("Roster"),
    getFormat(),
  ]);
  // Named exactly as the roster and the statement name them ("Declined", "Dropped — calling back").
  const outcome = (o: (typeof log.rows)[number]["outcome"]) => {
    const k = stateTextKeys(o);
    return "title" in k ? tr(k.title) : tr("withReason", { state: tr(k.state), reason: tr(k.reason) });
  };
  const money = (v: number | null) => (v === null ? "—" : fmt.kes(v));
  const secs = (v: number | null) => (v === null ? "—" : tc("seconds", { count: v }));
  const status = (v: string | null | undefined) => callStatusText(tc, v);
  return (
    <>
      <PageHeader
        title={tc("title")}
        description={tc("description", { days: opts.days })}
        actions={
          <>
            {[1, 7, 30].map((d) => (
              <Link
                key={d}
                href={withQuery("/admin/calls", query, { days: String(d) })}
                aria-current={opts.days === d ? "page" : undefined}
                className="rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800"
              >
                {tc("period", { days: d })}
              </Link>
            ))}
            <Link
              href={withQuery("/admin/calls", query, { onlyMismatches: opts.onlyMismatches ? undefined : "1" })}
              className="rounded-md px-2 py-1 text-sm text-brand-700 hover:underline"
            >
              {opts.onlyMismatches ? tc("showAll") : tc("onlyMismatches")}
            </Link>
          </>
        }
      />
      {log.sautikit.status === "unavailable" ? (
        <Notice tone="warning" className="mb-4">
          {log.sautikit.reason === "not_connected" ? tc("notConnected") : tc("unavailable")}
        </Notice>
      ) : log.mismatches > 0 ? (
        <Notice
          tone="warning"
          className="mb-4"
          title={tc("mismatches", { count: log.mismatches })}
          testId="call-mismatches"
        >
          {tc("mismatchesBody")}
        </Notice>
      ) : log.rows.length > 0 ? (
        <Notice tone="success" className="mb-4" testId="call-log-ok">
          {tc("allMatch")}
        </Notice>
      ) : null}
      <DataCard
        empty={<EmptyState title={tc("emptyTitle")} description={tc("emptyBody")} />}
        caption={tc("caption")}
        rows={log.rows}
        rowKey={(r) => r.legId}
        rowProps={(r) => ({ "data-testid": "call-row", className: r.issues.length ? "bg-amber-50/60" : undefined })}
        columns={[
          { header: tc("when"), className: "whitespace-nowrap", cell: (r) => fmt.dateTime(r.createdAt) },
          {
            header: tc("meetingPerson"),
            cell: (r) => (
              <>
                <MeetingLink id={r.meetingId} title={r.meetingTitle} bold={false} />
                <div className="text-xs text-slate-500">
                  <span data-testid="call-person">{r.participantName ?? t("guestCaller")}</span>
                  {r.role === "host" ? (
                    <>
                      {" "}
                      <Badge tone="brand">{tc("host")}</Badge>
                    </>
                  ) : null}{" "}
                  · {r.phone ?? "—"} · {tc("direction", { direction: r.direction })}
                </div>
              </>
            ),
          },
          {
            header: tc("purposeOutcome"),
            cell: (r) => (
              <>
                <span data-testid="call-purpose">{tc("purpose", { purpose: r.purpose })}</span>
                <div className="text-xs text-slate-500" data-testid="call-outcome">
                  {outcome(r.outcome)}
                </div>
              </>
            ),
          },
          { header: tc("status"), cell: (r) => `${status(r.app.status)} / ${status(r.sautikit?.status)}` },
          {
            header: tc("billed"),
            align: "right",
            cell: (r) => `${secs(r.app.durationSeconds)} / ${secs(r.sautikit?.durationSeconds ?? null)}`,
          },
          {
            header: tc("cost"),
            align: "right",
            cell: (r) => `${money(r.app.costMinor)} / ${money(r.sautikit?.costMinor ?? null)}`,
          },
          {
            header: tc("check"),
            cell: (r) =>
              r.issues.length === 0 ? (
                <Badge tone="success">{r.callId ? tc("matches") : tc("notPlaced")}</Badge>
              ) : (
                <ul className="space-y-1">
                  {r.issues.map((i) => (
                    <li key={i.kind}>
                      <Badge tone="warning">{callLogIssueText(tc, fmt, i)}</Badge>
                    </li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
      {log.unknownCalls.length > 0 ? (
        <Card className="mt-8">
          <CardHeader title={tc("unknownTitle")} description={tc("unknownDescription")} />
          <DataTable
            caption={tc("unknownCaption")}
            rows={log.unknownCalls}
            rowKey={(c) => c.callId}
            columns={[
              { header: tc("when"), cell: (c) => fmt.dateTime(c.startedAt) },
              {
                header: tc("number"),
                cell: (c) => (
                  <>
                    {c.remote ?? "—"}{" "}
                    <span className="text-xs text-slate-500">({tc("direction", { direction: c.direction })})</span>
                  </>
                ),
              },
              { header: tc("plainStatus"), cell: (c) => status(c.status) },
              { header: tc("plainBilled"), align: "right", cell: (c) => secs(c.durationSeconds) },
              { header: tc("plainCost"), align: "right", cell: (c) => money(c.costMinor) },
            ]}
          />
        </Card>
      ) : null}
    </>
  );
}

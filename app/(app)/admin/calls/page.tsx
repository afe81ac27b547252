import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Tr } from "@/components/ui/table";
import { flatten, withQuery } from "@/components/admin/query-links";
import { getFormat } from "@/lib/i18n/get-format";
import { stateTextKeys } from "@/lib/shared/leg-state-text";
import { requireActor } from "@/lib/auth/actor";
import { callLogQuerySchema, reconcileCalls } from "@/lib/reconcile/reconcile-calls";
import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("CallLog", "title");
export const dynamic = "force-dynamic";

export default async function CallLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
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
          {tc("unavailable")}
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
      {log.rows.length === 0 ? (
        <EmptyState title={tc("emptyTitle")} description={tc("emptyBody")} />
      ) : (
        <Card>
          <Table
            caption={tc("caption")}
            columns={[
              tc("when"),
              tc("meetingPerson"),
              tc("purposeOutcome"),
              tc("status"),
              { label: tc("billed"), align: "right" },
              { label: tc("cost"), align: "right" },
              tc("check"),
            ]}
          >
            <TBody>
              {log.rows.map((r) => (
                <Tr key={r.legId} data-testid="call-row" className={r.issues.length ? "bg-amber-50/60" : undefined}>
                  <Td className="whitespace-nowrap">{fmt.dateTime(r.createdAt)}</Td>
                  <Td>
                    <Link href={`/meetings/${r.meetingId}`} className="text-brand-700 hover:underline">
                      {r.meetingTitle}
                    </Link>
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
                  </Td>
                  <Td>
                    <span data-testid="call-purpose">{tc("purpose", { purpose: r.purpose })}</span>
                    <div className="text-xs text-slate-500" data-testid="call-outcome">
                      {outcome(r.outcome)}
                    </div>
                  </Td>
                  <Td>
                    {r.app.status} / {r.sautikit?.status ?? "—"}
                  </Td>
                  <Td className="text-right tabular-nums">
                    {secs(r.app.durationSeconds)} / {secs(r.sautikit?.durationSeconds ?? null)}
                  </Td>
                  <Td className="text-right tabular-nums">
                    {money(r.app.costMinor)} / {money(r.sautikit?.costMinor ?? null)}
                  </Td>
                  <Td>
                    {r.issues.length === 0 ? (
                      <Badge tone="success">{r.callId ? tc("matches") : tc("notPlaced")}</Badge>
                    ) : (
                      <ul className="space-y-1">
                        {r.issues.map((i) => (
                          <li key={i}>
                            <Badge tone="warning">{i}</Badge>
                          </li>
                        ))}
                      </ul>
                    )}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </Card>
      )}
      {log.unknownCalls.length > 0 ? (
        <Card className="mt-8">
          <CardHeader title={tc("unknownTitle")} description={tc("unknownDescription")} />
          <Table
            caption={tc("unknownCaption")}
            columns={[
              tc("when"),
              tc("number"),
              tc("plainStatus"),
              { label: tc("plainBilled"), align: "right" },
              { label: tc("plainCost"), align: "right" },
            ]}
          >
            <TBody>
              {log.unknownCalls.map((c) => (
                <Tr key={c.callId}>
                  <Td>{fmt.dateTime(c.startedAt)}</Td>
                  <Td>
                    {c.remote ?? "—"}{" "}
                    <span className="text-xs text-slate-500">({tc("direction", { direction: c.direction })})</span>
                  </Td>
                  <Td>{c.status}</Td>
                  <Td className="text-right tabular-nums">{secs(c.durationSeconds)}</Td>
                  <Td className="text-right tabular-nums">{money(c.costMinor)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </Card>
      ) : null}
    </>
  );
}

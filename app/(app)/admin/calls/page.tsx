import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { flatten, withQuery } from "@/components/admin/query-links";
import { formatDateTime, formatKes } from "@/components/spend/format";
import { requireActor } from "@/lib/auth/actor";
import { callLogQuerySchema, reconcileCalls } from "@/lib/reconcile/reconcile-calls";
import { getTranslations } from "next-intl/server";

export const metadata = { title: "Call log" };
export const dynamic = "force-dynamic";

const money = (v: number | null) => (v === null ? "—" : formatKes(v));
const secs = (v: number | null) => (v === null ? "—" : `${v} s`);

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
  const t = await getTranslations("SautikitStatus");

  return (
    <>
      <PageHeader
        title="Call log"
        description={`Every leg Mkutano placed or received in the last ${opts.days} days, checked against Sautikit's own record of the call.`}
        actions={
          <>
            {[1, 7, 30].map((d) => (
              <Link
                key={d}
                href={withQuery("/admin/calls", query, { days: String(d) })}
                aria-current={opts.days === d ? "page" : undefined}
                className="rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800"
              >
                {d === 1 ? "24 hours" : `${d} days`}
              </Link>
            ))}
            <Link
              href={withQuery("/admin/calls", query, { onlyMismatches: opts.onlyMismatches ? undefined : "1" })}
              className="rounded-md px-2 py-1 text-sm text-brand-700 hover:underline"
            >
              {opts.onlyMismatches ? "Show all calls" : "Only mismatches"}
            </Link>
          </>
        }
      />
      {log.sautikit.status === "unavailable" ? (
        <Notice tone="warning" className="mb-4">
          {log.sautikit.message}
        </Notice>
      ) : log.mismatches > 0 ? (
        <Notice
          tone="warning"
          className="mb-4"
          title={`${log.mismatches} call${log.mismatches === 1 ? "" : "s"} differ from Sautikit`}
          testId="call-mismatches"
        >
          Usually a lost or late webhook. The figures from Sautikit are what the wallet was charged.
        </Notice>
      ) : log.rows.length > 0 ? (
        <Notice tone="success" className="mb-4" testId="call-log-ok">
          Every call matches Sautikit&apos;s record.
        </Notice>
      ) : null}
      {log.rows.length === 0 ? (
        <EmptyState title="No calls" description="Calls appear here once someone is dialled or dials in." />
      ) : (
        <Card>
          <Table caption="Calls, reconciled with Sautikit">
            <THead>
              <Tr>
                <Th>When</Th>
                <Th>Meeting / person</Th>
                <Th>Status (app / Sautikit)</Th>
                <Th className="text-right">Billed (app / Sautikit)</Th>
                <Th className="text-right">Cost (app / Sautikit)</Th>
                <Th>Check</Th>
              </Tr>
            </THead>
            <TBody>
              {log.rows.map((r) => (
                <Tr key={r.legId} data-testid="call-row" className={r.issues.length ? "bg-amber-50/60" : undefined}>
                  <Td className="whitespace-nowrap">{formatDateTime(r.createdAt)}</Td>
                  <Td>
                    <Link href={`/meetings/${r.meetingId}`} className="text-brand-700 hover:underline">
                      {r.meetingTitle}
                    </Link>
                    <div className="text-xs text-slate-500">
                      <span data-testid="call-person">{r.participantName ?? t("guestCaller")}</span>
                      {r.role === "host" ? (
                        <>
                          {" "}
                          <Badge tone="brand">host</Badge>
                        </>
                      ) : null}{" "}
                      · {r.phone ?? "—"} · {r.direction}
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
                      <Badge tone="success">{r.callId ? "Matches" : "Not placed"}</Badge>
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
          <CardHeader
            title="Calls Mkutano does not know"
            description="On the Sautikit account in this period but not linked to any meeting (e.g. wrong PINs, calls placed outside Mkutano)."
          />
          <Table caption="Calls unknown to Mkutano">
            <THead>
              <Tr>
                <Th>When</Th>
                <Th>Number</Th>
                <Th>Status</Th>
                <Th className="text-right">Billed</Th>
                <Th className="text-right">Cost</Th>
              </Tr>
            </THead>
            <TBody>
              {log.unknownCalls.map((c) => (
                <Tr key={c.callId}>
                  <Td>{formatDateTime(c.startedAt)}</Td>
                  <Td>
                    {c.remote ?? "—"} <span className="text-xs text-slate-500">({c.direction})</span>
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

import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button-classes";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { flatten, withQuery } from "@/components/admin/query-links";
import { formatDateTime } from "@/components/spend/format";
import { requireActor } from "@/lib/auth/actor";
import {
  listWebhookDeliveries,
  verdicts,
  webhookLogQuerySchema,
  webhookRoutes,
} from "@/lib/audit/list-webhook-deliveries";

export const metadata = { title: "Webhook log" };
export const dynamic = "force-dynamic";

const verdictTone: Record<string, BadgeTone> = {
  accepted: "success",
  duplicate: "info",
  rejected_signature: "danger",
  invalid: "warning",
  unknown_workspace: "warning",
  failed: "danger",
};
const verdictLabel = (v: string) => v.replace(/_/g, " ");

export default async function WebhookLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor({ admin: true });
  const query = flatten(await searchParams);
  const parsed = webhookLogQuerySchema.safeParse(query);
  const log = await listWebhookDeliveries(actor, parsed.success ? parsed.data : {});
  const f = parsed.success
    ? parsed.data
    : { verdict: undefined, route: undefined, kind: undefined, eventId: undefined };

  return (
    <>
      <PageHeader
        title="Webhook log"
        description="Every request to this workspace's Sautikit webhook URLs, newest first, with what the app made of it."
      />
      <p className="mb-4 flex flex-wrap gap-2 text-sm" aria-label="Totals by verdict">
        {verdicts.map((v) => (
          <Link key={v} href={withQuery("/admin/webhooks", {}, { verdict: v })} className="hover:opacity-80">
            <Badge tone={verdictTone[v]}>
              {verdictLabel(v)}: {log.counts[v] ?? 0}
            </Badge>
          </Link>
        ))}
      </p>
      {!parsed.success ? (
        <Notice tone="error" className="mb-4">
          {parsed.error.issues[0]?.message ?? "Invalid filter."}
        </Notice>
      ) : null}
      <form
        method="get"
        className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
        aria-label="Filter webhook deliveries"
      >
        <Field id="wh-verdict" label="Verdict">
          <Select name="verdict" defaultValue={f.verdict ?? ""}>
            <option value="">Any</option>
            {verdicts.map((v) => (
              <option key={v} value={v}>
                {verdictLabel(v)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="wh-route" label="Route">
          <Select name="route" defaultValue={f.route ?? ""}>
            <option value="">Any</option>
            {webhookRoutes.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="wh-kind" label="Kind starts with">
          <Input name="kind" defaultValue={f.kind ?? ""} placeholder="conference." />
        </Field>
        <Field id="wh-event" label="Event id">
          <Input name="eventId" defaultValue={f.eventId ?? ""} />
        </Field>
        <div className="flex gap-2">
          <button type="submit" className={buttonClasses("primary")}>
            Filter
          </button>
          <a href="/admin/webhooks" className={buttonClasses("ghost")}>
            Clear
          </a>
        </div>
      </form>
      {log.items.length === 0 ? (
        <EmptyState
          title="No deliveries"
          description="Nothing matches. Deliveries appear as soon as Sautikit calls the app."
        />
      ) : (
        <Card>
          <Table caption="Webhook deliveries">
            <THead>
              <Tr>
                <Th>Received</Th>
                <Th>Route</Th>
                <Th>Kind</Th>
                <Th>Verdict</Th>
                <Th className="text-right">Status</Th>
                <Th className="text-right">Latency</Th>
                <Th>Event / error</Th>
              </Tr>
            </THead>
            <TBody>
              {log.items.map((d) => (
                <Tr key={d.id} data-testid="webhook-row">
                  <Td className="whitespace-nowrap">{formatDateTime(d.at, { seconds: true })}</Td>
                  <Td className="font-mono text-xs">{d.route}</Td>
                  <Td className="font-mono text-xs">{d.kind ?? "—"}</Td>
                  <Td>
                    <Badge tone={verdictTone[d.verdict] ?? "neutral"}>{verdictLabel(d.verdict)}</Badge>
                  </Td>
                  <Td className="text-right tabular-nums">{d.statusCode}</Td>
                  <Td className="text-right tabular-nums">{d.latencyMs} ms</Td>
                  <Td className="max-w-xs">
                    <div className="truncate font-mono text-xs text-slate-600" title={d.eventId ?? undefined}>
                      {d.eventId ?? "—"}
                    </div>
                    {d.error ? <div className="text-xs text-red-700">{d.error}</div> : null}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          {log.nextBefore ? (
            <div className="px-4 py-3">
              <Link
                href={withQuery("/admin/webhooks", query, { before: log.nextBefore })}
                className="text-sm text-brand-700 hover:underline"
              >
                Older deliveries →
              </Link>
            </div>
          ) : null}
        </Card>
      )}
    </>
  );
}

import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { DataCard } from "@/components/ui/data-table";
import { FilterActions, OlderLink } from "@/components/ui/log-controls";
import { flatten, type SearchParamsProps, withQuery } from "@/components/admin/query-links";
import { getFormat } from "@/lib/i18n/get-format";
import { requireActor } from "@/lib/auth/actor";
import { listWebhookDeliveries, verdicts, webhookLogQuerySchema } from "@/lib/audit/list-webhook-deliveries";
import { WEBHOOK_ROUTES } from "@/lib/shared/webhook-routes";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("Webhooks", "title");
export const dynamic = "force-dynamic";

const verdictTone: Record<string, BadgeTone> = {
  accepted: "success",
  duplicate: "info",
  rejected_signature: "danger",
  invalid: "warning",
  unknown_workspace: "warning",
  failed: "danger",
};

export default async function WebhookLogPage({ searchParams }: SearchParamsProps) {
  const actor = await requireActor({ admin: true });
  const query = flatten(await searchParams);
  const parsed = webhookLogQuerySchema.safeParse(query);
  const [log, t, fmt] = await Promise.all([
    listWebhookDeliveries(actor, parsed.success ? parsed.data : {}),
    getTranslations("Webhooks"),
    getFormat(),
  ]);
  const verdictLabel = (verdict: string) => t("verdict", { verdict });
  const f = parsed.success
    ? parsed.data
    : { verdict: undefined, route: undefined, kind: undefined, eventId: undefined };

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <p className="mb-4 flex flex-wrap gap-2 text-sm" aria-label={t("totals")}>
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
          {t("invalidFilter")}
        </Notice>
      ) : null}
      <form
        method="get"
        className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
        aria-label={t("filterLabel")}
      >
        <Field id="wh-verdict" label={t("verdictLabel")}>
          <Select name="verdict" defaultValue={f.verdict ?? ""}>
            <option value="">{t("any")}</option>
            {verdicts.map((v) => (
              <option key={v} value={v}>
                {verdictLabel(v)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="wh-route" label={t("route")}>
          <Select name="route" defaultValue={f.route ?? ""}>
            <option value="">{t("any")}</option>
            {WEBHOOK_ROUTES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="wh-kind" label={t("kindStartsWith")}>
          <Input name="kind" defaultValue={f.kind ?? ""} placeholder="conference." />
        </Field>
        <Field id="wh-event" label={t("eventId")}>
          <Input name="eventId" defaultValue={f.eventId ?? ""} />
        </Field>
        <div className="flex gap-2">
          <FilterActions clearHref="/admin/webhooks" filter={t("filter")} clear={t("clear")} />
        </div>
      </form>
      <DataCard
        empty={<EmptyState title={t("emptyTitle")} description={t("emptyBody")} />}
        caption={t("caption")}
        rows={log.items}
        rowKey={(d) => d.id}
        rowProps={() => ({ "data-testid": "webhook-row" })}
        columns={[
          { header: t("received"), className: "whitespace-nowrap", cell: (d) => fmt.dateTime(d.at, { seconds: true }) },
          { header: t("route"), className: "font-mono text-xs", cell: (d) => d.route },
          { header: t("kind"), className: "font-mono text-xs", cell: (d) => d.kind ?? "—" },
          {
            header: t("verdictLabel"),
            cell: (d) => <Badge tone={verdictTone[d.verdict] ?? "neutral"}>{verdictLabel(d.verdict)}</Badge>,
          },
          { header: t("status"), align: "right", cell: (d) => d.statusCode },
          { header: t("latency"), align: "right", cell: (d) => t("ms", { count: d.latencyMs }) },
          {
            header: t("eventError"),
            className: "max-w-xs",
            cell: (d) => (
              <>
                <div className="truncate font-mono text-xs text-slate-600" title={d.eventId ?? undefined}>
                  {d.eventId ?? "—"}
                </div>
                {d.error ? <div className="text-xs text-red-700">{d.error}</div> : null}
              </>
            ),
          },
        ]}
        footer={<OlderLink path="/admin/webhooks" query={query} before={log.nextBefore} label={t("older")} />}
      />
    </>
  );
}

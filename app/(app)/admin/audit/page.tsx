import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { DataCard } from "@/components/ui/data-table";
import { FilterActions, OlderLink } from "@/components/ui/log-controls";
import { flatten, type SearchParamsProps } from "@/components/admin/query-links";
import { getFormat } from "@/lib/i18n/get-format";
import { requireActor } from "@/lib/auth/actor";
import { auditQuerySchema, listAuditLog } from "@/lib/audit/list-audit-log";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("Audit", "title");
export const dynamic = "force-dynamic";

function detailText(details: unknown, none: string): string {
  if (details === null || typeof details !== "object") return "";
  return Object.entries(details as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${v === null ? none : typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join(" · ");
}

export default async function AuditLogPage({ searchParams }: SearchParamsProps) {
  const actor = await requireActor({ admin: true });
  const query = flatten(await searchParams);
  const parsed = auditQuerySchema.safeParse(query);
  const [log, t, ta, fmt] = await Promise.all([
    listAuditLog(actor, parsed.success ? parsed.data : {}),
    getTranslations("Audit"),
    getTranslations("AuditActions"),
    getFormat(),
  ]);
  // Actions recorded by newer code than this catalog show their code rather than nothing.
  const describe = (action: string) => (ta.has(action as never) ? ta(action as never) : action);
  const prefixes = [...new Set(log.actions.map((a) => a.split(".")[0] + "."))];

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3" aria-label={t("filterLabel")}>
        <Field id="audit-action" label={t("action")} className="w-72">
          <Select name="action" defaultValue={parsed.success ? (parsed.data.action ?? "") : ""}>
            <option value="">{t("allActions")}</option>
            {prefixes.map((p) => (
              <option key={p} value={p}>
                {t("allPrefix", { prefix: p.slice(0, -1) })}
              </option>
            ))}
            {log.actions.map((a) => (
              <option key={a} value={a}>
                {describe(a)}
              </option>
            ))}
          </Select>
        </Field>
        <FilterActions clearHref="/admin/audit" filter={t("filter")} clear={t("clear")} />
      </form>
      <DataCard
        empty={<EmptyState title={t("emptyTitle")} description={t("emptyBody")} />}
        caption={t("title")}
        rows={log.items}
        rowKey={(e) => e.id}
        rowProps={() => ({ "data-testid": "audit-row" })}
        columns={[
          { header: t("when"), className: "whitespace-nowrap", cell: (e) => fmt.dateTime(e.at, { seconds: true }) },
          {
            header: t("who"),
            cell: (e) => (
              <>
                <div>
                  {e.actorKind === "system" ? t("system") : e.actorKind === "deleted" ? t("deletedUser") : e.actorName}
                </div>
                {e.actorEmail ? <div className="text-xs text-slate-500">{e.actorEmail}</div> : null}
              </>
            ),
          },
          {
            header: t("action"),
            cell: (e) => (
              <>
                <div>{describe(e.action)}</div>
                <div className="font-mono text-xs text-slate-500">{e.action}</div>
              </>
            ),
          },
          {
            header: t("targetDetails"),
            className: "text-xs text-slate-600",
            cell: (e) => (
              <>
                {e.target ? <div className="font-mono">{e.target}</div> : null}
                <div>{detailText(e.details, t("none"))}</div>
              </>
            ),
          },
        ]}
        footer={<OlderLink path="/admin/audit" query={query} before={log.nextBefore} label={t("older")} />}
      />
    </>
  );
}

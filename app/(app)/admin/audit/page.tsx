import Link from "next/link";
import { buttonClasses } from "@/components/ui/button-classes";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { flatten, withQuery } from "@/components/admin/query-links";
import { formatDateTime } from "@/components/spend/format";
import { requireActor } from "@/lib/auth/actor";
import { auditQuerySchema, listAuditLog } from "@/lib/audit/list-audit-log";

export const metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

function detailText(details: unknown): string {
  if (details === null || typeof details !== "object") return "";
  return Object.entries(details as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${v === null ? "none" : typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join(" · ");
}

export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor({ admin: true });
  const query = flatten(await searchParams);
  const parsed = auditQuerySchema.safeParse(query);
  const log = await listAuditLog(actor, parsed.success ? parsed.data : {});
  const prefixes = [...new Set(log.actions.map((a) => a.split(".")[0] + "."))];

  return (
    <>
      <PageHeader title="Audit log" description="Sensitive actions in this workspace: who did what, and when." />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3" aria-label="Filter the audit log">
        <Field id="audit-action" label="Action" className="w-72">
          <Select name="action" defaultValue={parsed.success ? (parsed.data.action ?? "") : ""}>
            <option value="">All actions</option>
            {prefixes.map((p) => (
              <option key={p} value={p}>
                All {p.slice(0, -1)} actions
              </option>
            ))}
            {log.actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </Select>
        </Field>
        <button type="submit" className={buttonClasses("primary")}>
          Filter
        </button>
        <a href="/admin/audit" className={buttonClasses("ghost")}>
          Clear
        </a>
      </form>
      {log.items.length === 0 ? (
        <EmptyState
          title="Nothing recorded"
          description="Actions such as playing a recording or changing a member's role appear here."
        />
      ) : (
        <Card>
          <Table caption="Audit log">
            <THead>
              <Tr>
                <Th>When</Th>
                <Th>Who</Th>
                <Th>Action</Th>
                <Th>Target and details</Th>
              </Tr>
            </THead>
            <TBody>
              {log.items.map((e) => (
                <Tr key={e.id} data-testid="audit-row">
                  <Td className="whitespace-nowrap">{formatDateTime(e.at, { seconds: true })}</Td>
                  <Td>
                    <div>{e.actorName}</div>
                    {e.actorEmail ? <div className="text-xs text-slate-500">{e.actorEmail}</div> : null}
                  </Td>
                  <Td className="font-mono text-xs">{e.action}</Td>
                  <Td className="text-xs text-slate-600">
                    {e.target ? <div className="font-mono">{e.target}</div> : null}
                    <div>{detailText(e.details)}</div>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          {log.nextBefore ? (
            <div className="px-4 py-3">
              <Link
                href={withQuery("/admin/audit", query, { before: log.nextBefore })}
                className="text-sm text-brand-700 hover:underline"
              >
                Older entries →
              </Link>
            </div>
          ) : null}
        </Card>
      )}
    </>
  );
}

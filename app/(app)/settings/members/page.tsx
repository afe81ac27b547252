import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TBody, Table, Td, Tr } from "@/components/ui/table";
import { requireActor } from "@/lib/auth/actor";
import { ClientIntl } from "@/lib/i18n/client-intl";
import { resolveLocale } from "@/lib/i18n/resolve-locale";
import { intlLocale } from "@/lib/i18n/locales";
import { listPendingInvites } from "@/lib/workspaces/invites";
import { listMembers } from "@/lib/workspaces/list-members";
import { InviteForm } from "@/app/(app)/settings/members/invite-form";
import {
  RemoveMemberButton,
  ResetPasswordButton,
  RevokeInviteButton,
  RoleForm,
} from "@/app/(app)/settings/members/member-actions";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("Members", "title");

export default async function MembersPage() {
  const actor = await requireActor({ admin: true });
  const [members, invites, t, ts, tr, locale] = await Promise.all([
    listMembers(actor),
    listPendingInvites(actor),
    getTranslations("Members"),
    getTranslations("Settings"),
    getTranslations("Roles"),
    resolveLocale(),
  ]);
  const dateFormat = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeZone: "UTC" });
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/settings" className="text-brand-700 hover:underline">
          {ts("back")}
        </Link>
      </p>
      <PageHeader title={t("title")} description={t("description", { workspace: actor.workspaceName })} />
      <ClientIntl namespaces={["MemberActions"]}>
        <div className="space-y-6">
          <Card>
            <CardHeader title={t("inviteTitle")} description={t("inviteDescription")} />
            <CardBody>
              <InviteForm />
            </CardBody>
          </Card>

          <Card>
            <CardHeader title={t("membersCount", { count: members.length })} />
            <Table
              caption={t("caption")}
              columns={[t("name"), t("role"), t("joined"), { label: t("actions"), srOnly: true }]}
            >
              <TBody>
                {members.map((m) => (
                  <Tr key={m.membershipId} data-testid="member-row">
                    <Td>
                      <div className="font-medium text-slate-900">
                        {m.name} {m.isYou ? <Badge tone="brand">{t("you")}</Badge> : null}
                      </div>
                      <div className="text-xs text-slate-500">{m.email}</div>
                    </Td>
                    <Td>
                      <RoleForm membershipId={m.membershipId} role={m.role} name={m.name} />
                    </Td>
                    <Td className="whitespace-nowrap text-slate-600">{dateFormat.format(new Date(m.joinedAt))}</Td>
                    <Td>
                      <div className="flex flex-wrap items-start justify-end gap-2">
                        {m.isYou ? null : (
                          <ClientIntl namespaces={["MemberReset"]}>
                            <ResetPasswordButton membershipId={m.membershipId} name={m.name} />
                          </ClientIntl>
                        )}
                        <RemoveMemberButton membershipId={m.membershipId} name={m.name} isYou={m.isYou} />
                      </div>
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          </Card>

          <Card>
            <CardHeader title={t("pendingCount", { count: invites.length })} description={t("pendingDescription")} />
            {invites.length === 0 ? (
              <CardBody>
                <p className="text-sm text-slate-600">{t("noPending")}</p>
              </CardBody>
            ) : (
              <Table
                caption={t("pendingCaption")}
                columns={[t("email"), t("role"), t("expires"), { label: t("actions"), srOnly: true }]}
              >
                <TBody>
                  {invites.map((i) => (
                    <Tr key={i.id} data-testid="invite-row">
                      <Td>{i.email}</Td>
                      <Td>{tr(i.role)}</Td>
                      <Td className="whitespace-nowrap text-slate-600">{dateFormat.format(new Date(i.expiresAt))}</Td>
                      <Td className="text-right">
                        <RevokeInviteButton inviteId={i.id} email={i.email} />
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            )}
          </Card>
        </div>
      </ClientIntl>
    </>
  );
}

import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";
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
      <BackLink href="/settings" label={ts("back")} />
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
            <DataTable
              caption={t("caption")}
              rows={members}
              rowKey={(m) => m.membershipId}
              rowProps={() => ({ "data-testid": "member-row" })}
              columns={[
                {
                  header: t("name"),
                  cell: (m) => (
                    <>
                      <div className="font-medium text-slate-900">
                        {m.name} {m.isYou ? <Badge tone="brand">{t("you")}</Badge> : null}
                      </div>
                      <div className="text-xs text-slate-500">{m.email}</div>
                    </>
                  ),
                },
                {
                  header: t("role"),
                  cell: (m) => <RoleForm membershipId={m.membershipId} role={m.role} name={m.name} />,
                },
                {
                  header: t("joined"),
                  className: "whitespace-nowrap text-slate-600",
                  cell: (m) => dateFormat.format(new Date(m.joinedAt)),
                },
                {
                  header: t("actions"),
                  srOnly: true,
                  cell: (m) => (
                    <div className="flex flex-wrap items-start justify-end gap-2">
                      {m.isYou ? null : (
                        <ClientIntl namespaces={["MemberReset"]}>
                          <ResetPasswordButton membershipId={m.membershipId} name={m.name} />
                        </ClientIntl>
                      )}
                      <RemoveMemberButton membershipId={m.membershipId} name={m.name} isYou={m.isYou} />
                    </div>
                  ),
                },
              ]}
            />
          </Card>

          <Card>
            <CardHeader title={t("pendingCount", { count: invites.length })} description={t("pendingDescription")} />
            {invites.length === 0 ? (
              <CardBody>
                <p className="text-sm text-slate-600">{t("noPending")}</p>
              </CardBody>
            ) : (
              <DataTable
                caption={t("pendingCaption")}
                rows={invites}
                rowKey={(i) => i.id}
                rowProps={() => ({ "data-testid": "invite-row" })}
                columns={[
                  { header: t("email"), cell: (i) => i.email },
                  { header: t("role"), cell: (i) => tr(i.role) },
                  {
                    header: t("expires"),
                    className: "whitespace-nowrap text-slate-600",
                    cell: (i) => dateFormat.format(new Date(i.expiresAt)),
                  },
                  {
                    header: t("actions"),
                    srOnly: true,
                    className: "text-right",
                    cell: (i) => <RevokeInviteButton inviteId={i.id} email={i.email} />,
                  },
                ]}
              />
            )}
          </Card>
        </div>
      </ClientIntl>
    </>
  );
}

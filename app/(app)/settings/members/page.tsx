import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { requireActor } from "@/lib/auth/actor";
import { ClientIntl } from "@/lib/i18n/client-intl";
import { listPendingInvites } from "@/lib/workspaces/invites";
import { listMembers } from "@/lib/workspaces/list-members";
import { InviteForm } from "@/app/(app)/settings/members/invite-form";
import {
  RemoveMemberButton,
  ResetPasswordButton,
  RevokeInviteButton,
  RoleForm,
} from "@/app/(app)/settings/members/member-actions";

export const metadata = { title: "Members" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export default async function MembersPage() {
  const actor = await requireActor({ admin: true });
  const [members, invites] = await Promise.all([listMembers(actor), listPendingInvites(actor)]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/settings" className="text-brand-700 hover:underline">
          ← Settings
        </Link>
      </p>
      <PageHeader title="Members" description={`People who can use ${actor.workspaceName}.`} />
      <div className="space-y-6">
        <Card>
          <CardHeader
            title="Invite someone"
            description="They get a link to join; admins manage everything, organisers manage their own meetings."
          />
          <CardBody>
            <InviteForm />
          </CardBody>
        </Card>

        <Card>
          <CardHeader title={`Members (${members.length})`} />
          <Table caption="Workspace members">
            <THead>
              <Tr>
                <Th>Name</Th>
                <Th>Role</Th>
                <Th>Joined</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </Tr>
            </THead>
            <TBody>
              {members.map((m) => (
                <Tr key={m.membershipId} data-testid="member-row">
                  <Td>
                    <div className="font-medium text-slate-900">
                      {m.name} {m.isYou ? <Badge tone="brand">You</Badge> : null}
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
          <CardHeader
            title={`Pending invites (${invites.length})`}
            description="Links not yet used. Each works once and expires after 7 days."
          />
          {invites.length === 0 ? (
            <CardBody>
              <p className="text-sm text-slate-600">No pending invites.</p>
            </CardBody>
          ) : (
            <Table caption="Pending invites">
              <THead>
                <Tr>
                  <Th>Email</Th>
                  <Th>Role</Th>
                  <Th>Expires</Th>
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                </Tr>
              </THead>
              <TBody>
                {invites.map((i) => (
                  <Tr key={i.id} data-testid="invite-row">
                    <Td>{i.email}</Td>
                    <Td>{i.role === "admin" ? "Admin" : "Organiser"}</Td>
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
    </>
  );
}

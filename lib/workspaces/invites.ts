import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { INVITE_TTL_MS, inviteUrl } from "@/lib/auth/links";
import { inviteSchema } from "@/lib/auth/schemas";
import { newToken } from "@/lib/crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sendMail } from "@/lib/mail";
import { recipientLocale } from "@/lib/i18n/recipient-locale";
import { translatorFor } from "@/lib/i18n/translator";
import { assertAdmin } from "@/lib/workspaces/assert-admin";

export type InviteView = {
  id: string;
  email: string;
  role: "admin" | "organiser";
  expiresAt: string;
  createdAt: string;
};

/**
 * Creates a single-use invite link (7 days). The token is returned once, for the admin to share;
 * only its hash is stored. A newer invite for the same email replaces the pending one.
 */
export async function createInvite(
  actor: Actor,
  input: unknown,
): Promise<{ url: string; emailed: boolean; invite: InviteView }> {
  assertAdmin(actor);
  const { email, role } = inviteSchema.parse(input);
  const existing = await db.membership.findFirst({
    where: { workspaceId: actor.workspaceId, user: { email } },
    select: { id: true },
  });
  if (existing) throw new AppError("CONFLICT", "alreadyMember", { params: { email } });

  const { token, hash } = newToken();
  const now = new Date();
  const invite = await db.$transaction(async (tx) => {
    await tx.invite.updateMany({
      where: { workspaceId: actor.workspaceId, email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const created = await tx.invite.create({
      data: {
        workspaceId: actor.workspaceId,
        email,
        role,
        tokenHash: hash,
        createdById: actor.userId,
        expiresAt: new Date(now.getTime() + INVITE_TTL_MS),
      },
    });
    await tx.auditLog.create({
      data: {
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        action: "invite.created",
        target: email,
        details: { role },
      },
    });
    return created;
  });

  const url = inviteUrl(token);
  const locale = await recipientLocale(email, actor.userId);
  const t = translatorFor(locale, "Mail");
  const emailed = await sendMail({
    to: email,
    subject: t("inviteSubject", { workspace: actor.workspaceName }),
    text: t("inviteBody", { inviter: actor.name, workspace: actor.workspaceName, role, url }),
  });
  return { url, emailed, invite: toView(invite) };
}

export async function listPendingInvites(actor: Actor): Promise<InviteView[]> {
  assertAdmin(actor);
  const rows = await db.invite.findMany({
    where: { workspaceId: actor.workspaceId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map(toView);
}

export async function revokeInvite(actor: Actor, inviteId: string): Promise<void> {
  assertAdmin(actor);
  const { count } = await db.invite.updateMany({
    where: { id: inviteId, workspaceId: actor.workspaceId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "inviteNotPending");
  await db.auditLog.create({
    data: { workspaceId: actor.workspaceId, actorId: actor.userId, action: "invite.revoked", target: inviteId },
  });
}

function toView(i: {
  id: string;
  email: string;
  role: "admin" | "organiser";
  expiresAt: Date;
  createdAt: Date;
}): InviteView {
  return {
    id: i.id,
    email: i.email,
    role: i.role,
    expiresAt: i.expiresAt.toISOString(),
    createdAt: i.createdAt.toISOString(),
  };
}

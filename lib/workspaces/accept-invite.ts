import "server-only";
import { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { nameSchema, passwordSchema } from "@/lib/auth/schemas";
import { hashToken } from "@/lib/crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/workspaces/prisma-errors";

export type InviteStatus = "valid" | "expired" | "accepted" | "revoked";
export type InviteDetails = {
  workspaceId: string;
  workspaceName: string;
  email: string;
  role: "admin" | "organiser";
  status: InviteStatus;
};

/**
 * What the invite page shows; null for a token that matches no invite. Deliberately says nothing
 * about whether the invited email already has an account: whoever holds the link (it may have been
 * forwarded, or be the inviting admin) must not learn that.
 */
export async function getInvite(token: string): Promise<InviteDetails | null> {
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      workspace: { select: { id: true, name: true } },
    },
  });
  if (!invite) return null;
  const status: InviteStatus = invite.acceptedAt
    ? "accepted"
    : invite.revokedAt
      ? "revoked"
      : invite.expiresAt <= new Date()
        ? "expired"
        : "valid";
  return {
    workspaceId: invite.workspace.id,
    workspaceName: invite.workspace.name,
    email: invite.email,
    role: invite.role,
    status,
  };
}

// Marks the invite used in the same transaction that grants the membership: single use even
// when the link is opened twice at once.
async function claim(tx: Prisma.TransactionClient, token: string) {
  const invite = await tx.invite.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!invite) throw new AppError("NOT_FOUND", "inviteLinkInvalid");
  const { count } = await tx.invite.updateMany({
    where: { id: invite.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    data: { acceptedAt: new Date() },
  });
  if (count === 0) throw new AppError("CONFLICT", "inviteUsed");
  return invite;
}

/** A signed-in user accepts an invite addressed to their own email. Returns the workspace id. */
export async function acceptInviteAsUser(token: string, user: { id: string; email: string }): Promise<string> {
  return db.$transaction(async (tx) => {
    const invite = await claim(tx, token);
    if (invite.email !== user.email.toLowerCase()) {
      throw new AppError("FORBIDDEN", "inviteForOther", { params: { email: invite.email } });
    }
    await tx.membership.upsert({
      where: { userId_workspaceId: { userId: user.id, workspaceId: invite.workspaceId } },
      create: { userId: user.id, workspaceId: invite.workspaceId, role: invite.role },
      update: {},
    });
    await tx.auditLog.create({
      data: { workspaceId: invite.workspaceId, actorId: user.id, action: "invite.accepted", target: invite.email },
    });
    return invite.workspaceId;
  });
}

/** Shared with sign-up: the same words whatever the reason an account could not be created. */
export const newAccountSchema = z.object({ name: nameSchema, password: passwordSchema });

/** Someone without an account accepts: the account is created for the invited email. */
export async function acceptInviteWithNewAccount(
  token: string,
  input: unknown,
): Promise<{ userId: string; email: string; workspaceId: string }> {
  const { name, password } = newAccountSchema.parse(input);
  const passwordHash = await hashPassword(password);
  try {
    return await db.$transaction(async (tx) => {
      const invite = await claim(tx, token);
      const user = await tx.user.create({
        data: {
          name,
          email: invite.email,
          passwordHash,
          memberships: { create: { workspaceId: invite.workspaceId, role: invite.role } },
        },
        select: { id: true },
      });
      await tx.auditLog.create({
        data: { workspaceId: invite.workspaceId, actorId: user.id, action: "invite.accepted", target: invite.email },
      });
      return { userId: user.id, email: invite.email, workspaceId: invite.workspaceId };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "accountNotCreated");
    throw e;
  }
}

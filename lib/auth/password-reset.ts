import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { RESET_TTL_MS, resetUrl } from "@/lib/auth/links";
import { hashPassword } from "@/lib/auth/password";
import { accountKey } from "@/lib/auth/rate-limit";
import { newPasswordSchema } from "@/lib/auth/schemas";
import { revokeAllSessions } from "@/lib/auth/user-sessions";
import { hashToken, newToken } from "@/lib/crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sendMail } from "@/lib/mail";
import { assertAdmin } from "@/lib/workspaces/assert-admin";

/**
 * An admin issues a one-hour, single-use reset link for a member of their workspace. Earlier
 * unused links for that user stop working.
 */
export async function issuePasswordReset(actor: Actor, membershipId: string): Promise<{ url: string; email: string; emailed: boolean }> {
  assertAdmin(actor);
  const member = await db.membership.findFirst({
    where: { id: membershipId, workspaceId: actor.workspaceId },
    select: { user: { select: { id: true, email: true } } },
  });
  if (!member) throw new AppError("NOT_FOUND", "That member is not in this workspace.");
  const { token, hash } = newToken();
  const now = new Date();
  await db.$transaction([
    db.passwordReset.updateMany({ where: { userId: member.user.id, usedAt: null }, data: { usedAt: now } }),
    db.passwordReset.create({ data: { userId: member.user.id, tokenHash: hash, createdById: actor.userId, expiresAt: new Date(now.getTime() + RESET_TTL_MS) } }),
    db.auditLog.create({ data: { workspaceId: actor.workspaceId, actorId: actor.userId, action: "member.password_reset_issued", target: member.user.id } }),
  ]);
  const url = resetUrl(token);
  const emailed = await sendMail({
    to: member.user.email,
    subject: "Reset your Mkutano password",
    text: `${actor.name} (${actor.workspaceName}) issued a password reset for your Mkutano account.\n\nChoose a new password within an hour:\n${url}\n\nIf you did not expect this, ignore this email.`,
  });
  return { url, email: member.user.email, emailed };
}

export type ResetStatus = "valid" | "expired" | "used";

export async function getPasswordReset(token: string): Promise<{ email: string; status: ResetStatus } | null> {
  const reset = await db.passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { email: true } } },
  });
  if (!reset) return null;
  const status: ResetStatus = reset.usedAt ? "used" : reset.expiresAt <= new Date() ? "expired" : "valid";
  return { email: reset.user.email, status };
}

/** Sets the new password and ends every existing session of the account. */
export async function resetPassword(token: string, input: unknown): Promise<{ email: string }> {
  const { password } = newPasswordSchema.parse(input);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const reset = await tx.passwordReset.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, userId: true } });
    if (!reset) throw new AppError("NOT_FOUND", "This reset link is not valid.");
    const { count } = await tx.passwordReset.updateMany({
      where: { id: reset.id, usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (count === 0) throw new AppError("CONFLICT", "This reset link has already been used or has expired. Ask an admin for a new one.");
    const user = await tx.user.update({ where: { id: reset.userId }, data: { passwordHash }, select: { email: true } });
    await revokeAllSessions(reset.userId, tx);
    // A fresh password starts with a clean throttle for the account.
    await tx.loginAttempt.deleteMany({ where: { key: accountKey(user.email) } });
    return { email: user.email };
  });
}

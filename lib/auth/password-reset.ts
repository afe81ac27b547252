import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { RESET_TTL_MS, resetUrl } from "@/lib/auth/links";
import { hashPassword } from "@/lib/auth/password";
import { accountKey } from "@/lib/auth/rate-limit";
import { forgotPasswordSchema, newPasswordSchema } from "@/lib/auth/schemas";
import { revokeAllSessions } from "@/lib/auth/user-sessions";
import { hashToken, newToken } from "@/lib/crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { isMailConfigured, sendMail } from "@/lib/mail";
import { recipientLocale } from "@/lib/i18n/recipient-locale";
import { translatorFor } from "@/lib/i18n/translator";
import { assertAdmin } from "@/lib/workspaces/assert-admin";

// An account is global: one password opens every workspace it belongs to. So an admin may hold a
// reset link only for an account that belongs to their workspace alone; for anyone else the link
// goes to the account's own inbox, or nowhere (the person uses "Forgot password").

/** Self-service requests per account per hour: enough for a lost email, too few to spam anyone. */
export const FORGOT_PER_HOUR = 3;

export type IssuedReset =
  /** The account is this workspace's alone: the admin gets the link (and it is emailed when SMTP is set). */
  | { kind: "link"; url: string; email: string; emailed: boolean }
  /** The account belongs to other workspaces too: the link went to the person's inbox only. */
  | { kind: "emailed"; email: string }
  /** The account belongs to other workspaces too and no mail is set up: nothing was issued. */
  | { kind: "self-service"; email: string };

async function otherWorkspaces(
  client: Prisma.TransactionClient | typeof db,
  userId: string,
  workspaceId: string,
): Promise<number> {
  return client.membership.count({ where: { userId, workspaceId: { not: workspaceId } } });
}

async function createReset(
  tx: Prisma.TransactionClient,
  userId: string,
  issuer: { actorId: string; workspaceId: string } | null,
) {
  const { token, hash } = newToken();
  const now = new Date();
  await tx.passwordReset.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
  await tx.passwordReset.create({
    data: {
      userId,
      tokenHash: hash,
      createdById: issuer?.actorId ?? null,
      workspaceId: issuer?.workspaceId ?? null,
      expiresAt: new Date(now.getTime() + RESET_TTL_MS),
    },
  });
  return resetUrl(token);
}

/**
 * An admin resets a member's password: a one-hour, single-use link; earlier unused links stop
 * working. The admin sees the link only when the account belongs to no other workspace.
 */
export async function issuePasswordReset(actor: Actor, membershipId: string): Promise<IssuedReset> {
  assertAdmin(actor);
  const member = await db.membership.findFirst({
    where: { id: membershipId, workspaceId: actor.workspaceId },
    select: { user: { select: { id: true, email: true } } },
  });
  if (!member) throw new AppError("NOT_FOUND", "memberNotFound");
  const { id: userId, email } = member.user;
  const shared = (await otherWorkspaces(db, userId, actor.workspaceId)) > 0;
  if (shared && !isMailConfigured()) {
    await db.auditLog.create({
      data: {
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        action: "member.password_reset_refused",
        target: userId,
      },
    });
    return { kind: "self-service", email };
  }
  const url = await db.$transaction(async (tx) => {
    const link = await createReset(
      tx,
      userId,
      shared ? null : { actorId: actor.userId, workspaceId: actor.workspaceId },
    );
    await tx.auditLog.create({
      data: {
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        action: "member.password_reset_issued",
        target: userId,
        details: { delivery: shared ? "email" : "link" },
      },
    });
    return link;
  });
  const locale = await recipientLocale(email);
  const t = translatorFor(locale, "Mail");
  const emailed = await sendMail({
    to: email,
    subject: t("resetSubject"),
    text: t("resetIssuedBody", { admin: actor.name, workspace: actor.workspaceName, url }),
  });
  if (shared) return { kind: "emailed", email };
  return { kind: "link", url, email, emailed };
}

/**
 * "Forgot password": emails a reset link when the address has an account and SMTP is set. The
 * answer is the same whether or not the account exists, and the mail is sent in the background so
 * the response time does not tell either.
 */
export async function requestPasswordReset(input: unknown): Promise<{ mailConfigured: boolean }> {
  const { email } = forgotPasswordSchema.parse(input);
  if (!isMailConfigured()) return { mailConfigured: false };
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) return { mailConfigured: true };
  const recent = await db.passwordReset.count({
    where: { userId: user.id, createdById: null, createdAt: { gt: new Date(Date.now() - 60 * 60 * 1000) } },
  });
  if (recent >= FORGOT_PER_HOUR) {
    log.warn({ event: "forgot_password_throttled" }, "password reset requests throttled for an account");
    return { mailConfigured: true };
  }
  const url = await db.$transaction((tx) => createReset(tx, user.id, null));
  const locale = await recipientLocale(email);
  const t = translatorFor(locale, "Mail");
  void sendMail({ to: email, subject: t("resetSubject"), text: t("resetRequestedBody", { url }) });
  return { mailConfigured: true };
}

export type ResetStatus = "valid" | "expired" | "used";

/** An admin-issued link works only while the account still belongs to the issuing workspace alone. */
async function stillApplies(
  client: Prisma.TransactionClient | typeof db,
  reset: { userId: string; workspaceId: string | null; createdById: string | null },
): Promise<boolean> {
  if (reset.createdById === null && reset.workspaceId === null) return true;
  if (!reset.workspaceId) return false;
  const inIssuer = await client.membership.count({ where: { userId: reset.userId, workspaceId: reset.workspaceId } });
  return inIssuer === 1 && (await otherWorkspaces(client, reset.userId, reset.workspaceId)) === 0;
}

export async function getPasswordReset(token: string): Promise<{ email: string; status: ResetStatus } | null> {
  const reset = await db.passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      userId: true,
      workspaceId: true,
      createdById: true,
      usedAt: true,
      expiresAt: true,
      user: { select: { email: true } },
    },
  });
  if (!reset) return null;
  if (!(await stillApplies(db, reset))) return null;
  const status: ResetStatus = reset.usedAt ? "used" : reset.expiresAt <= new Date() ? "expired" : "valid";
  return { email: reset.user.email, status };
}

/** Sets the new password and ends every existing session of the account. */
export async function resetPassword(token: string, input: unknown): Promise<{ email: string }> {
  const { password } = newPasswordSchema.parse(input);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const reset = await tx.passwordReset.findUnique({
      where: { tokenHash: hashToken(token) },
      select: { id: true, userId: true, workspaceId: true, createdById: true },
    });
    if (!reset) throw new AppError("NOT_FOUND", "resetLinkInvalid");
    // Joined another workspace since an admin issued the link: the admin may no longer set it.
    if (!(await stillApplies(tx, reset))) throw new AppError("NOT_FOUND", "resetLinkInvalid");
    const { count } = await tx.passwordReset.updateMany({
      where: { id: reset.id, usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (count === 0) throw new AppError("CONFLICT", "resetLinkUsed");
    const user = await tx.user.update({ where: { id: reset.userId }, data: { passwordHash }, select: { email: true } });
    await revokeAllSessions(reset.userId, tx);
    // A fresh password starts with a clean throttle for the account.
    await tx.loginAttempt.deleteMany({ where: { key: accountKey(user.email) } });
    return { email: user.email };
  });
}

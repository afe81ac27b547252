import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { checkLoginThrottle, recordLoginAttempt } from "@/lib/auth/rate-limit";
import { changePasswordSchema, profileSchema } from "@/lib/auth/schemas";
import { revokeAllSessions } from "@/lib/auth/user-sessions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fieldError } from "@/lib/shared/error-keys";

type ProfileUser = { id: string; email: string };

/** Changes the signed-in user's display name (it is theirs in every workspace). */
export async function renameUser(user: ProfileUser, input: unknown): Promise<{ name: string }> {
  const { name } = profileSchema.parse(input);
  await db.user.update({ where: { id: user.id }, data: { name } });
  return { name };
}

/**
 * Changes the signed-in user's password. The current password is required (a borrowed session is
 * not enough) and wrong guesses count towards the sign-in throttle. Every session ends, this one
 * included: the caller signs in afresh with the new password.
 */
export async function changePassword(user: ProfileUser, input: unknown): Promise<void> {
  const { current, password } = changePasswordSchema.parse(input);
  const throttle = await checkLoginThrottle(user.email, null);
  if (throttle.limited) {
    throw new AppError("RATE_LIMITED", "tooManyWrongPasswords", {
      params: { minutes: Math.max(1, Math.ceil(throttle.retryAfterSeconds / 60)) },
    });
  }
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  const ok = await verifyPassword(row.passwordHash, current);
  await recordLoginAttempt(user.email, null, ok);
  if (!ok) {
    throw new AppError("VALIDATION", "currentPasswordWrong", {
      details: [{ path: "current", message: fieldError("currentPasswordWrongField") }],
    });
  }
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await revokeAllSessions(user.id, tx);
  });
}

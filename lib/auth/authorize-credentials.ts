import "server-only";
import { CredentialsSignin } from "next-auth";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { verifyPassword } from "@/lib/auth/password";
import { checkLoginThrottle, clientIp, recordLoginAttempt } from "@/lib/auth/rate-limit";
import { signInSchema } from "@/lib/auth/schemas";
import { startUserSession } from "@/lib/auth/user-sessions";

/** Thrown (and surfaced by the sign-in action) when an account or IP has too many recent failures. */
export class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

export type AuthorizedUser = { id: string; email: string; name: string; sessionId: string };

// Same answer ("invalid credentials") for an unknown email and a wrong password, in the same time.
export async function authorizeCredentials(input: unknown, request: Request): Promise<AuthorizedUser | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const ip = clientIp(request.headers);

  const throttle = await checkLoginThrottle(email, ip);
  if (throttle.limited) {
    log.warn({ ip, event: "login_throttled" }, "sign-in throttled");
    throw new TooManyAttempts(throttle.retryAfterSeconds);
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  await recordLoginAttempt(email, ip, ok && !!user);
  if (!ok || !user) return null;
  return { id: user.id, email: user.email, name: user.name, sessionId: await startUserSession(user.id) };
}

import "server-only";
import { db } from "@/lib/db";

// Sliding-window throttle on failed sign-ins, per account and per client IP (LoginAttempt rows).
// A successful sign-in resets the account window; the IP window only ages out.
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

export type Throttle = { limited: false } | { limited: true; retryAfterSeconds: number };

export function accountKey(email: string): string {
  return `acct:${email.trim().toLowerCase()}`;
}

export function ipKey(ip: string): string {
  return `ip:${ip}`;
}

async function failuresInWindow(key: string, now: Date, resetOnSuccess: boolean) {
  let since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  if (resetOnSuccess) {
    const lastSuccess = await db.loginAttempt.findFirst({
      where: { key, success: true, createdAt: { gte: since } },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    if (lastSuccess) since = lastSuccess.createdAt;
  }
  return db.loginAttempt.findMany({
    where: { key, success: false, createdAt: { gt: since } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
}

/** Limited once `max` failures sit in the window; retry when the oldest counting one ages out. */
export function throttleVerdict(failures: { createdAt: Date }[], max: number, now: Date): Throttle {
  if (failures.length < max) return { limited: false };
  // The window frees up when the failure that tipped it over the limit ages out.
  const oldestCounting = failures[failures.length - max]!.createdAt.getTime();
  const retryAfterSeconds = Math.max(1, Math.ceil((oldestCounting + LOGIN_WINDOW_MS - now.getTime()) / 1000));
  return { limited: true, retryAfterSeconds };
}

export async function checkLoginThrottle(email: string, ip: string | null, now = new Date()): Promise<Throttle> {
  const account = throttleVerdict(await failuresInWindow(accountKey(email), now, true), MAX_FAILURES_PER_ACCOUNT, now);
  if (account.limited || !ip) return account;
  return throttleVerdict(await failuresInWindow(ipKey(ip), now, false), MAX_FAILURES_PER_IP, now);
}

export async function recordLoginAttempt(email: string, ip: string | null, success: boolean, now = new Date()) {
  const keys = [accountKey(email), ...(ip ? [ipKey(ip)] : [])];
  await db.loginAttempt.createMany({ data: keys.map((key) => ({ key, success, createdAt: now })) });
  // Keep the table small: rows older than a day never matter again.
  await db.loginAttempt.deleteMany({
    where: { key: { in: keys }, createdAt: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } },
  });
}

// The client address (TRUST_PROXY decides whether X-Forwarded-For counts): lib/http/client-ip.ts.
export { clientIp } from "@/lib/http/client-ip";

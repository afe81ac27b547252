import "server-only";
import { env } from "@/lib/env";

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const RESET_TTL_MS = 60 * 60 * 1000;

export function inviteUrl(token: string): string {
  return new URL(`/invite/${token}`, env().APP_BASE_URL).toString();
}

export function resetUrl(token: string): string {
  return new URL(`/reset-password/${token}`, env().APP_BASE_URL).toString();
}

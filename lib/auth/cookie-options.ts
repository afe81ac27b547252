import "server-only";
import { env } from "@/lib/env";

/** The current-workspace cookie: not secret (it is re-validated against memberships), but httpOnly anyway. */
export function workspaceCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: new URL(env().APP_BASE_URL).protocol === "https:",
    path: "/",
    maxAge: 365 * 24 * 60 * 60,
  };
}

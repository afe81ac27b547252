import type { NextAuthConfig } from "next-auth";
import { env, isLocalMode } from "@/lib/env";
import { safeNextPath } from "@/lib/auth/schemas";
import { SESSION_ABSOLUTE_MS } from "@/lib/auth/session-limits";

// Provider-free part of the Auth.js config: safe to load in proxy.ts (no database, no argon2).
// auth.ts adds the credentials provider on top of it.
// The cookie lives as long as the absolute session limit; the idle limit and revocation are
// enforced server-side on every request (lib/auth/user-sessions.ts), not by the cookie.
export const SESSION_MAX_AGE_SECONDS = SESSION_ABSOLUTE_MS / 1000;

export const baseAuthConfig = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [],
  callbacks: {
    // Auth.js's own callbackUrl (e.g. POST /api/auth/callback/credentials) obeys the same rule as
    // `?next=`: a same-site path, else the meetings page.
    redirect({ url, baseUrl }) {
      const parsed = URL.parse(url, baseUrl);
      const path =
        parsed && parsed.origin === new URL(baseUrl).origin ? `${parsed.pathname}${parsed.search}${parsed.hash}` : null;
      return new URL(safeNextPath(path), baseUrl).toString();
    },
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        // The server-side session row (see lib/auth/user-sessions.ts).
        token.sid = (user as { sessionId?: string }).sessionId;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      (session as { sid?: unknown }).sid = token.sid;
      return session;
    },
  },
  logger: {
    // A wrong password is an expected outcome, not a server error worth a stack trace.
    error(error) {
      const type = (error as { type?: string }).type;
      if (type === "CredentialsSignin") return;
      console.error(`[auth] ${type ?? error.name}: ${error.message}`);
    },
  },
} satisfies NextAuthConfig;

/**
 * The config both auth.ts and proxy.ts use. Cookie security follows the configured public URL
 * (APP_BASE_URL), not request headers: behind a TLS-terminating proxy, or when a request lacks
 * X-Forwarded-Proto, Auth.js would otherwise guess and look for the wrong cookie name.
 */
export function runtimeAuthConfig() {
  return {
    ...baseAuthConfig,
    secret: env().AUTH_SECRET,
    trustHost: env().AUTH_TRUST_HOST || isLocalMode(),
    useSecureCookies: shouldUseSecureCookies(),
  } satisfies NextAuthConfig;
}

function shouldUseSecureCookies(): boolean {
  return new URL(env().APP_BASE_URL).protocol === "https:";
}

/** Auth.js's session cookie name for this deployment (large tokens are split into `.0`, `.1`…). */
export function sessionCookieName(): string {
  return shouldUseSecureCookies() ? "__Secure-authjs.session-token" : "authjs.session-token";
}

import type { NextAuthConfig } from "next-auth";
import { env, isLocalMode } from "@/lib/env";

// Provider-free part of the Auth.js config: safe to load in proxy.ts (no database, no argon2).
// auth.ts adds the credentials provider on top of it.
// Sessions last 30 days from sign-in: nothing re-issues the cookie on each request (see proxy.ts).
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export const baseAuthConfig = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: string }).sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      // An HMAC of the password hash (see session-fingerprint.ts); reveals nothing about it.
      (session as { sv?: unknown }).sv = token.sv;
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

import type { NextAuthConfig } from "next-auth";

// Provider-free half of the Auth.js config: safe to load in proxy.ts (no database, no argon2).
// auth.ts adds the credentials provider on top of it.
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

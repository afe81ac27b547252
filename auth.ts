import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { runtimeAuthConfig } from "@/lib/auth/config";
import { authorizeCredentials } from "@/lib/auth/authorize-credentials";
import { revokeAllSessions } from "@/lib/auth/user-sessions";

// Auth.js: email + password, JWT sessions (the credentials provider requires them).
// Configured lazily so env() is read on first use, not at import (e.g. during `next build`).
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...runtimeAuthConfig(),
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: (credentials, request) => authorizeCredentials(credentials, request),
    }),
  ],
  events: {
    // Signing out (the app's menu or POST /api/auth/signout) ends every session of the user on
    // the server, so a copied cookie stops working too.
    async signOut(message) {
      const userId = "token" in message ? message.token?.sub : undefined;
      if (userId) await revokeAllSessions(userId);
    },
  },
}));

import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { baseAuthConfig } from "@/lib/auth/config";
import { authorizeCredentials } from "@/lib/auth/authorize-credentials";
import { env, isLocalMode } from "@/lib/env";

// Auth.js: email + password, JWT sessions (the credentials provider requires them).
// Configured lazily so env() is read on first use, not at import.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...baseAuthConfig,
  secret: env().AUTH_SECRET,
  trustHost: env().AUTH_TRUST_HOST || isLocalMode(),
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: (credentials, request) => authorizeCredentials(credentials, request),
    }),
  ],
}));

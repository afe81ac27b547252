import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { runtimeAuthConfig } from "@/lib/auth/config";
import { authorizeCredentials } from "@/lib/auth/authorize-credentials";

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
}));

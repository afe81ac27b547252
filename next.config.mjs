import createNextIntlPlugin from "next-intl/plugin";
import { API_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS } from "./lib/http/static-security-headers.mjs";

// Server action bodies (forms) are capped like every other body (lib/http/read-body.ts); Next
// answers 413 past it. The proxy buffers a copy of a matched request's body up to its own cap
// before the action reads it: keep that cap above the action's, so a longer body still reaches the
// action's check (and a 413) instead of being cut short and misread.
const SERVER_ACTION_BODY_LIMIT = "256kb";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Embedded PostgreSQL ships WASM + data files; keep it (and the Prisma adapters) out of the bundle.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "pg",
    "@node-rs/argon2",
    "pino",
    "nodemailer",
  ],
  typedRoutes: false,
  // forbidden() renders app/forbidden.tsx (403) for signed-in users without the needed role.
  experimental: {
    authInterrupts: true,
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT },
    proxyClientMaxBodySize: "288kb",
  },
  // Security headers on every response Next serves, whatever the route (API routes and static files
  // never pass through proxy.ts, which adds the pages' nonce'd CSP and HSTS): the same constants the
  // proxy builds on.
  async headers() {
    const list = (h) => Object.entries(h).map(([key, value]) => ({ key, value }));
    return [
      { source: "/:path*", headers: list(STATIC_SECURITY_HEADERS) },
      { source: "/api/:path*", headers: list({ "Content-Security-Policy": API_CONTENT_SECURITY_POLICY }) },
    ];
  },
  // recharts' React 16/17 shim for useSyncExternalStore: React 19 has the hook (ADR 0009).
  turbopack: { resolveAlias: { "use-sync-external-store/shim": "./lib/hooks/use-sync-external-store-shim.ts" } },
};

// next-intl: finds i18n/request.ts (the per-request locale and messages) for server components.
export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);

import createNextIntlPlugin from "next-intl/plugin";

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
  experimental: { authInterrupts: true },
  // SWR's React 16/17 shim for useSyncExternalStore: React 19 has the hook (ADR 0009).
  turbopack: { resolveAlias: { "use-sync-external-store/shim": "./lib/hooks/use-sync-external-store-shim.ts" } },
};

// next-intl: finds i18n/request.ts (the per-request locale and messages) for server components.
export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);

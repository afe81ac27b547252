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
};

export default nextConfig;

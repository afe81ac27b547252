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
};

export default nextConfig;

import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

// Integration tier: real database per test file, one real emulator process for the run, the app's
// real route handlers served in-process (tests/integration/support/app-server.ts).
export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    alias: {
      "server-only": fileURLToPath(new URL("./tests/support/empty.ts", import.meta.url)),
      // What next-intl's Next plugin does for the app: its server API finds the request config here.
      "next-intl/config": fileURLToPath(new URL("./i18n/request.ts", import.meta.url)),
    },
  },
  test: {
    include: ["tests/integration/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/integration/support/global-setup.ts"],
    setupFiles: ["tests/integration/support/next-globals.ts"],
    // Forks, not threads: each file owns process.env (the app's config) and its embedded database.
    pool: "forks",
    // Two cores; each worker may hold an embedded PostgreSQL (~0.3 GB) and an app server.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    env: { NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn" },
    // next-auth's ESM imports "next/server" without an extension, which plain Node cannot resolve;
    // letting Vite transform it resolves the import the way Next's bundler does.
    server: { deps: { inline: ["next-auth", "next-intl"] } },
  },
});

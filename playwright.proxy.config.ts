import { defineConfig, devices } from "@playwright/test";
import { PROXY_URL } from "./tests/e2e-proxy/support/layout";

// The reverse-proxy pass: two production instances on PostgreSQL behind Debian's nginx (TLS, gzip,
// round robin). Run by `npm test`'s e2e tier when it runs on PostgreSQL (scripts/test.ts).
const CI = Boolean(process.env.CI);

export default defineConfig({
  testDir: "tests/e2e-proxy",
  testMatch: "**/*.spec.ts",
  workers: 1,
  fullyParallel: false,
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  timeout: 180_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "test-results/proxy",
  use: {
    baseURL: PROXY_URL,
    // The certificate is a throwaway self-signed one made for this run.
    ignoreHTTPSErrors: true,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "node --import tsx tests/e2e-proxy/support/proxy-stack.ts",
    url: `${PROXY_URL}/api/health`,
    ignoreHTTPSErrors: true,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    env: { NEXT_TELEMETRY_DISABLED: "1" },
  },
});

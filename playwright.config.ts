import { defineConfig, devices } from "@playwright/test";
import { E2E_APP_URL } from "./tests/e2e/support/urls";

const CI = Boolean(process.env.CI);

// Debian's chromium (Playwright's own browser download is not reachable from these machines), with
// the flags every run here uses (the e2e passes and the benchmarks' browser).
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const chromium = { executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS };

/** How each pass runs the stack it tests (command and url are the pass's own). */
export const webServerDefaults = {
  // Never attach to whatever happens to listen on the port: the run owns its stack and database.
  reuseExistingServer: false,
  timeout: 240_000,
  stdout: "pipe",
  stderr: "pipe",
  gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  env: { NEXT_TELEMETRY_DISABLED: "1" },
} as const;

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  // One worker: two cores, and the tests share one app and one emulator.
  workers: 1,
  fullyParallel: false,
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: E2E_APP_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: chromium } }],
  webServer: {
    ...webServerDefaults,
    command: "node --import tsx tests/e2e/support/web-server.ts",
    url: `${E2E_APP_URL}/api/health`,
  },
});

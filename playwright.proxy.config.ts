import { defineConfig } from "@playwright/test";
import base, { webServerDefaults } from "./playwright.config";
import { PROXY_URL } from "./tests/e2e-proxy/support/layout";

// The reverse-proxy pass: two production instances on PostgreSQL behind Debian's nginx (TLS, gzip,
// round robin). Run by `npm test`'s e2e tier when it runs on PostgreSQL (scripts/test.ts).
export default defineConfig({
  // The same browser, reporter and retry settings as the main e2e pass.
  ...base,
  testDir: "tests/e2e-proxy",
  timeout: 180_000,
  outputDir: "test-results/proxy",
  use: {
    ...base.use,
    baseURL: PROXY_URL,
    // The certificate is a throwaway self-signed one made for this run.
    ignoreHTTPSErrors: true,
  },
  webServer: {
    ...webServerDefaults,
    command: "node --import tsx tests/e2e-proxy/support/proxy-stack.ts",
    url: `${PROXY_URL}/api/health`,
    ignoreHTTPSErrors: true,
  },
});

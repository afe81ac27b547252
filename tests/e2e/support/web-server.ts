// Playwright's web server: the emulator on 4110 (in-memory state) and `next start` on 3100 over a
// freshly wiped and migrated database, seeded and connected like dev. Never reuses a dev server.
import { resolveStackConfig } from "@/scripts/lib/config";
import { fail } from "@/scripts/lib/output";
import { runStack } from "@/scripts/lib/stack";
import { prepareE2eDatabase } from "./e2e-database";
import {
  E2E_APP_PORT,
  E2E_APP_URL,
  E2E_EMULATOR_API_KEY,
  E2E_EMULATOR_PORT,
  E2E_EMULATOR_SIGNING_SECRET,
  E2E_EMULATOR_URL,
} from "./urls";

try {
  const databaseUrl = await prepareE2eDatabase(process.env.E2E_DATABASE_URL);
  const config = resolveStackConfig({
    ...process.env,
    PORT: String(E2E_APP_PORT),
    HOST: "127.0.0.1",
    EMULATOR_PORT: String(E2E_EMULATOR_PORT),
    EMULATOR_HOST: "127.0.0.1",
    EMULATOR_PUBLIC_URL: E2E_EMULATOR_URL,
    SAUTIKIT_API_URL: E2E_EMULATOR_URL,
    APP_BASE_URL: E2E_APP_URL,
    DATABASE_URL: databaseUrl,
    AUTH_TRUST_HOST: "true",
    // The demo connection must match the emulator's seeded account, whatever the shell says.
    SAUTIKIT_API_KEY: E2E_EMULATOR_API_KEY,
    SAUTIKIT_WEBHOOK_SECRET: E2E_EMULATOR_SIGNING_SECRET,
  });
  const code = await runStack({
    next: "start",
    config,
    emulator: true,
    seed: true,
    connect: true,
    banner: false,
    emulatorEnv: {
      EMULATOR_STATE_FILE: "memory",
      EMULATOR_API_KEY: E2E_EMULATOR_API_KEY,
      EMULATOR_SIGNING_SECRET: E2E_EMULATOR_SIGNING_SECRET,
    },
  });
  process.exit(code);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

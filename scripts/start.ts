// npm start — production: migrations, then the production server (scripts/lib/production-server.ts:
// Next plus a webhook fast lane, ADR 0008). In local mode (SAUTIKIT_API_URL on this
// machine) the emulator runs alongside and the demo workspace is seeded and connected, as in dev.
import { loadDotEnv, resolveStackConfig } from "./lib/config";
import { fail, say } from "./lib/output";
import { runStack } from "./lib/stack";

process.env.NEXT_TELEMETRY_DISABLED = "1";
if (loadDotEnv()) say("loaded .env");

try {
  const config = resolveStackConfig();
  const code = await runStack({
    next: "start",
    config,
    emulator: config.localMode,
    seed: config.localMode,
    connect: config.localMode,
    banner: config.localMode,
  });
  process.exit(code);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

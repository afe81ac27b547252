// npm run dev — the emulator, migrations, seed, connect and `next dev` in one terminal.
import { loadDotEnv, resolveStackConfig } from "./lib/config";
import { fail, say } from "./lib/output";
import { runStack } from "./lib/stack";

process.env.NEXT_TELEMETRY_DISABLED = "1";
if (loadDotEnv()) say("loaded .env");

try {
  const config = resolveStackConfig();
  const code = await runStack({
    next: "dev",
    config,
    emulator: true,
    seed: true,
    connect: config.localMode,
    banner: true,
  });
  process.exit(code);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

// What `npm run dev` and `npm start` share: load .env, resolve the stack's settings, run the stack
// the entry asks for and exit with its code (or say why it could not start).
import { loadDotEnv, resolveStackConfig, type StackConfig } from "./lib/config";
import { fail, say } from "./lib/output";
import { runStack, type StackOptions } from "./lib/stack";

export async function runStackEntry(plan: (config: StackConfig) => Omit<StackOptions, "config">): Promise<never> {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  if (loadDotEnv()) say("loaded .env");
  try {
    const config = resolveStackConfig();
    process.exit(await runStack({ ...plan(config), config }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

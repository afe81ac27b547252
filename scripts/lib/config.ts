// Resolves ports, URLs and the child environment for the runner scripts (dev, start, e2e web server).
// The app itself reads its configuration only in lib/env.ts; this module decides what to pass it.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export type StackConfig = {
  appHost: string;
  appPort: number;
  appBaseUrl: string;
  emulatorPort: number;
  emulatorUrl: string;
  sautikitApiUrl: string;
  /** True when the app talks to the bundled emulator rather than real Sautikit. */
  localMode: boolean;
  databaseUrl: string;
  /** The environment every child process (emulator, steps, Next) receives. */
  env: NodeJS.ProcessEnv;
  /** Settings that are valid but probably not what was meant. */
  warnings: string[];
};

/** Loads `.env` from the repo root when present; variables already set in the shell win. */
export function loadDotEnv(file = path.join(repoRoot, ".env")): boolean {
  if (!existsSync(file)) return false;
  process.loadEnvFile(file);
  return true;
}

const port = z.coerce.number().int().min(1).max(65535);
const sourceSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  EMULATOR_PORT: port.optional(),
  EMULATOR_HOST: z.string().min(1).default("127.0.0.1"),
  SAUTIKIT_API_URL: z.string().url().optional(),
  APP_BASE_URL: z.string().url().optional(),
  DATABASE_URL: z.string().min(1).default("pglite:./.data/mkutano"),
});

export function isLocalHost(hostname: string): boolean {
  return ["127.0.0.1", "localhost", "::1", "[::1]"].includes(hostname);
}

export function resolveStackConfig(source: Record<string, string | undefined> = process.env): StackConfig {
  const parsed = sourceSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const s = parsed.data;
  const explicitApi = s.SAUTIKIT_API_URL ? new URL(s.SAUTIKIT_API_URL) : undefined;
  const localMode = explicitApi ? isLocalHost(explicitApi.hostname) : true;
  // In local mode the emulator's port and the app's API URL must agree; derive one from the other.
  const apiPort =
    explicitApi && localMode ? Number(explicitApi.port || (explicitApi.protocol === "https:" ? 443 : 80)) : undefined;
  const emulatorPort = s.EMULATOR_PORT ?? apiPort ?? 4010;
  if (localMode && apiPort !== undefined && apiPort !== emulatorPort) {
    throw new Error(
      `SAUTIKIT_API_URL (${s.SAUTIKIT_API_URL}) points at port ${apiPort} but EMULATOR_PORT is ${emulatorPort}; ` +
        `set one of them so they agree`,
    );
  }
  const emulatorUrl = `http://${s.EMULATOR_HOST}:${emulatorPort}`;
  const sautikitApiUrl = s.SAUTIKIT_API_URL ?? `http://127.0.0.1:${emulatorPort}`;
  const appBaseUrl = s.APP_BASE_URL ?? `http://127.0.0.1:${s.PORT}`;
  const warnings: string[] = [];
  const base = new URL(appBaseUrl);
  if (isLocalHost(base.hostname) && Number(base.port || 80) !== s.PORT) {
    warnings.push(
      `APP_BASE_URL (${appBaseUrl}) is not port ${s.PORT}, where the app listens: the emulator's callbacks will miss it`,
    );
  }

  // Next's types declare NODE_ENV required; a partial source (tests, e2e) may rightly leave it unset.
  const env: NodeJS.ProcessEnv = {
    ...(source as NodeJS.ProcessEnv),
    PORT: String(s.PORT),
    APP_BASE_URL: appBaseUrl,
    SAUTIKIT_API_URL: sautikitApiUrl,
    DATABASE_URL: s.DATABASE_URL,
    EMULATOR_PORT: String(emulatorPort),
    EMULATOR_HOST: s.EMULATOR_HOST,
    EMULATOR_PUBLIC_URL: source.EMULATOR_PUBLIC_URL ?? emulatorUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  };
  // Children write through pipes; keep their colours when we are on a terminal.
  if (process.stdout.isTTY && !source.NO_COLOR) env.FORCE_COLOR ??= "1";

  return {
    appHost: s.HOST,
    appPort: s.PORT,
    appBaseUrl,
    emulatorPort,
    emulatorUrl,
    sautikitApiUrl,
    localMode,
    databaseUrl: s.DATABASE_URL,
    env,
    warnings,
  };
}

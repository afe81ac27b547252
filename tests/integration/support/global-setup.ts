// Integration global setup: ONE emulator process for the whole run, on a free port, in memory.
// Tests reach it through inject("emulatorUrl") or SAUTIKIT_API_URL (inherited by the workers).
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    emulatorUrl: string;
  }
}

type StartEmulator = (opts?: { env?: Record<string, string> }) => Promise<{ url: string; port: number; stop(): Promise<void> }>;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const file = new URL("../../support/emulator-process.ts", import.meta.url);
  if (!existsSync(file)) {
    console.warn("tests/support/emulator-process.ts does not exist yet: integration tests run without the emulator");
    return async () => {};
  }
  const { startEmulator } = (await import(file.href)) as { startEmulator: StartEmulator };
  const emulator = await startEmulator();
  project.provide("emulatorUrl", emulator.url);
  process.env.SAUTIKIT_API_URL = emulator.url;
  return () => emulator.stop();
}

// Integration global setup: ONE emulator process for the whole run, on a free port, in memory.
// Tests reach it through inject("emulatorUrl") or SAUTIKIT_API_URL (inherited by the workers).
import type { TestProject } from "vitest/node";
import { startEmulator } from "../../support/emulator-process";

declare module "vitest" {
  export interface ProvidedContext {
    emulatorUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const emulator = await startEmulator();
  project.provide("emulatorUrl", emulator.url);
  process.env.SAUTIKIT_API_URL = emulator.url;
  return () => emulator.stop();
}

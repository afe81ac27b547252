import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

// Spawns the real emulator (`node --import tsx emulator/main.ts`) on a free port, in memory, and
// resolves once it prints its ready line. Inherited EMULATOR_* variables are dropped so a test
// always gets the documented defaults plus what it asks for.

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const READY = /emulator listening on (http:\/\/\S+)/;
const START_TIMEOUT_MS = 30_000;

export type RunningEmulator = {
  url: string;
  port: number;
  /** Everything the process printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
};

export async function startEmulator(opts: { env?: Record<string, string> } = {}): Promise<RunningEmulator> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("EMULATOR_")));
  const env: Record<string, string | undefined> = {
    ...inherited,
    EMULATOR_PORT: "0",
    EMULATOR_HOST: "127.0.0.1",
    EMULATOR_STATE_FILE: "memory",
    ...opts.env,
  };
  const child = spawn(process.execPath, ["--import", "tsx", "emulator/main.ts"], {
    cwd: ROOT,
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-200_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`the emulator did not start within ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    );
    const onData = () => {
      const m = READY.exec(output);
      if (m) {
        cleanup();
        resolve(m[1]!);
      }
    };
    const onExit = (code: number | null) =>
      fail(new Error(`the emulator exited with code ${code} before it was ready`));
    const fail = (error: Error) => {
      cleanup();
      child.kill("SIGKILL");
      reject(new Error(`${error.message}\n--- emulator output ---\n${output}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout.off("data", onData);
      child.off("exit", onExit);
    };
    child.stdout.on("data", onData);
    child.once("exit", onExit);
  });

  return {
    url,
    port: Number(new URL(url).port),
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(killer);
    },
  };
}

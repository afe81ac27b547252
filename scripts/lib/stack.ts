// The whole local stack under one supervisor: emulator → migrate → seed → connect → the app
// (`next dev`, or the production server of scripts/lib/production-server.ts).
// Shared by `npm run dev`, `npm start` and the e2e web server so all three behave alike.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { type StackConfig, repoRoot } from "./config";
import { watchWrapperChain } from "./ancestor-watch";
import { formatCredentials } from "./credentials";
import { fail, paint, say, warn } from "./output";
import type { SeedStepResult } from "./step";
import {
  type Service,
  assertPortFree,
  describeExit,
  signalGroup,
  runStep,
  startService,
  stopService,
  tsxArgs,
  waitForHttp,
} from "./processes";

export type StackOptions = {
  next: "dev" | "start";
  config: StackConfig;
  /** Start the bundled emulator (always for dev; in local mode for start). */
  emulator: boolean;
  seed: boolean;
  connect: boolean;
  /** Print URLs and demo credentials once the app answers (local mode only). */
  banner: boolean;
  /** Extra environment for the emulator only (e.g. an in-memory state file for e2e). */
  emulatorEnv?: Record<string, string>;
};

/** Within this long, a second signal is the first one's echo, not a second Ctrl-C. */
const SIGNAL_ECHO_MS = 1000;
const exists = (relative: string) => existsSync(path.join(repoRoot, relative));

export async function runStack(opts: StackOptions): Promise<number> {
  const { config } = opts;
  const services = new Set<Service>();
  let shuttingDown: Promise<number> | undefined;
  let finished!: (code: number) => void;
  const stopped = new Promise<number>((resolve) => (finished = resolve));

  const shutdown = (code: number): Promise<number> => {
    shuttingDown ??= (async () => {
      const running = [...services].reverse();
      if (running.length) say(`stopping ${running.map((s) => s.name).join(", ")}…`);
      // App first, then the emulator: the app may still be answering the emulator's webhooks.
      for (const service of running) await stopService(service);
      finished(code);
      return code;
    })();
    return shuttingDown;
  };

  let firstSignalAt = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      // One Ctrl-C (or a SIGTERM to the process group) reaches us twice: from the terminal or the
      // kill, and relayed by tsx's launcher process. Taking the echo for a second Ctrl-C killed the
      // app before it could flush and unlock the embedded database.
      if (Date.now() - firstSignalAt < SIGNAL_ECHO_MS) return;
      // A second Ctrl-C means "now".
      for (const s of services) signalGroup(s.child, "SIGKILL");
      process.exit(130);
    }
    firstSignalAt = Date.now();
    say(`${signal} received`);
    void shutdown(0);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, onSignal);
  // A wrapper of `npm start` / `npm run dev` that dies without passing its SIGTERM on must not
  // leave the whole stack running unowned: treat that like a SIGTERM.
  watchWrapperChain(() => {
    if (shuttingDown) return;
    say("the process that started us is gone; stopping");
    void shutdown(0);
  });

  const supervise = (service: Service) => {
    services.add(service);
    void service.exited.then((exit) => {
      services.delete(service);
      if (service.stopping || shuttingDown) return;
      fail(`${service.name} exited unexpectedly (${describeExit(exit)}); stopping everything else`);
      void shutdown(1);
    });
    return service;
  };
  // One-shot steps are tracked too, so Ctrl-C during start-up stops them; their exit is expected.
  const trackStep = (step: Service) => {
    services.add(step);
    void step.exited.then(() => services.delete(step));
  };

  try {
    await startAll();
  } catch (error) {
    if (!shuttingDown) {
      fail(error instanceof Error ? error.message : String(error));
      void shutdown(1);
    }
  }
  // Runs until a signal or a crashed service triggers the shutdown.
  return stopped;

  async function startAll(): Promise<void> {
    const { env } = config;
    for (const w of config.warnings) warn(w);
    await assertPortFree(config.appPort, config.appHost, "app", "PORT");
    if (opts.next === "start" && !exists(".next/BUILD_ID")) {
      throw new Error("no production build found in .next: run `npm run build` first");
    }

    let emulator: Service | undefined;
    if (opts.emulator) {
      await assertPortFree(config.emulatorPort, env.EMULATOR_HOST ?? "127.0.0.1", "emulator", "EMULATOR_PORT");
      const emulatorArgs = ["--import", "tsx", "emulator/main.ts"];
      emulator = supervise(
        startService("emulator", "cyan", process.execPath, emulatorArgs, { ...env, ...opts.emulatorEnv }, repoRoot),
      );
    }

    // Migrations do not need the emulator, so they run while it boots.
    const migrated = runStep("migrate", "grey", tsxArgs("scripts/lib/step.ts", ["migrate"]), env, repoRoot, trackStep);
    const ready = emulator
      ? waitForHttp(`${config.emulatorUrl}/_emulator/health`, { timeoutMs: 30_000, service: emulator })
      : Promise.resolve();
    // Awaited below; until then a rejection must not count as unhandled (which would crash us).
    ready.catch(() => {});
    await migrated;
    if (shuttingDown) return;

    let credentials: unknown;
    if (opts.seed) {
      const seeded = (await runStep(
        "seed",
        "grey",
        tsxArgs("scripts/lib/step.ts", ["seed"]),
        env,
        repoRoot,
        trackStep,
      )) as SeedStepResult | undefined;
      credentials = seeded?.demoCredentials;
    }
    await ready;
    if (shuttingDown) return;

    if (opts.connect && emulator) {
      await runStep("connect", "grey", tsxArgs("scripts/connect-local.ts"), env, repoRoot, trackStep);
    }
    if (shuttingDown) return;

    const app = supervise(startService("app", "magenta", process.execPath, appArgs(opts.next, config), env, repoRoot));
    // The first dev request compiles the route, hence the generous wait.
    const probeHost = ["0.0.0.0", "::"].includes(config.appHost) ? "127.0.0.1" : config.appHost;
    await waitForHttp(`http://${probeHost.includes(":") ? `[${probeHost}]` : probeHost}:${config.appPort}/api/health`, {
      timeoutMs: 180_000,
      service: app,
      accept: (s) => s < 500,
    });
    if (shuttingDown) return;
    if (opts.banner) printBanner(config, emulator !== undefined, credentials);
    else say(`ready: ${config.appBaseUrl}`);
  }
}

/** `next dev` for dev; for production our own server with the webhook lane (ADR 0008), not `next start`. */
export function appArgs(
  mode: "dev" | "start",
  config: Pick<StackConfig, "appPort" | "appHost">,
  dir = repoRoot,
): string[] {
  const where = ["--port", String(config.appPort), "--hostname", config.appHost];
  if (mode === "dev") return [createRequire(import.meta.url).resolve("next/dist/bin/next"), "dev", ...where];
  return ["--import", "tsx", path.join(repoRoot, "scripts/lib/production-server.ts"), ...where, "--dir", dir];
}

function printBanner(config: StackConfig, withEmulator: boolean, credentials: unknown): void {
  const lines = [
    paint("bold", "Mkutano is ready"),
    `  app       ${config.appBaseUrl}`,
    ...(withEmulator ? [`  emulator  ${config.emulatorUrl}/  (phones console)`] : []),
  ];
  if (config.localMode) {
    const creds = formatCredentials(credentials);
    if (creds.length) lines.push("  sign in as (local demo only):", ...creds.map((c) => `    ${c}`));
  }
  lines.push("  Ctrl-C stops everything.");
  for (const line of lines) say(line);
}

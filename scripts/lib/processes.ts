// Child-process supervision for the runner: long-lived services, one-shot steps, readiness checks.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { type Colour, pipeWithPrefix } from "./output";

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type Service = {
  name: string;
  child: ChildProcess;
  exited: Promise<Exit>;
  /** Set once we asked it to stop, so its exit is not reported as a crash. */
  stopping: boolean;
};

export function describeExit({ code, signal }: Exit): string {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}

/**
 * Starts a child in its own process group, so stopping it also stops whatever it spawned (Next
 * runs worker processes) and a Ctrl-C in the terminal reaches only us: we decide the stop order.
 */
export function startService(
  name: string,
  colour: Colour,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Service {
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  pipeWithPrefix(child.stdout, name, colour);
  pipeWithPrefix(child.stderr, name, colour);
  const exited = new Promise<Exit>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
    child.once("error", () => resolve({ code: 127, signal: null }));
  });
  return { name, child, exited, stopping: false };
}

/**
 * Signals the child's whole process group. Deliberately not skipped once the leader has exited:
 * its group id cannot be reused while any member (a grandchild) is still alive.
 */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the whole group is gone.
  }
}

/** SIGTERM the whole group, then SIGKILL whatever is left after the grace period. */
export async function stopService(service: Service, graceMs = 8000): Promise<Exit> {
  service.stopping = true;
  signalGroup(service.child, "SIGTERM");
  const timer = setTimeout(() => signalGroup(service.child, "SIGKILL"), graceMs);
  const exit = await service.exited;
  clearTimeout(timer);
  // Grandchildren (Next's workers) may outlive the leader for a moment; make sure none remain.
  signalGroup(service.child, "SIGKILL");
  return exit;
}

/**
 * Runs a one-shot step to completion (migrations, seed, connect) in its own process, so the
 * embedded database it opens is closed again before the app opens it. Resolves with the last
 * message the step sent over IPC; rejects when it exits non-zero.
 */
export function runStep(
  name: string,
  colour: Colour,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  track?: (service: Service) => void,
): Promise<unknown> {
  const child = spawn(process.execPath, args, {
    cwd,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  pipeWithPrefix(child.stdout, name, colour);
  pipeWithPrefix(child.stderr, name, colour);
  let last: unknown;
  child.on("message", (m) => (last = m));
  const exited = new Promise<Exit>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
    child.once("error", () => resolve({ code: 127, signal: null }));
  });
  track?.({ name, child, exited, stopping: false });
  return exited.then((exit) => {
    if (exit.code === 0) return last;
    throw new Error(`${name} failed (${describeExit(exit)})`);
  });
}

/** Node flags for our TypeScript children: tsx as a loader, and `server-only` resolved for servers. */
export function tsxArgs(file: string, extra: string[] = []): string[] {
  return ["--conditions=react-server", "--import", "tsx", file, ...extra];
}

/** Polls a URL until it answers 2xx; fails early if the service behind it has exited. */
export async function waitForHttp(
  url: string,
  opts: { timeoutMs: number; service?: Service; accept?: (status: number) => boolean },
): Promise<void> {
  const accept = opts.accept ?? ((s) => s >= 200 && s < 300);
  const deadline = Date.now() + opts.timeoutMs;
  let exited = false;
  void opts.service?.exited.then(() => (exited = true));
  let lastError = "no answer";
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${opts.service?.name} exited before ${url} answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await res.body?.cancel();
      if (accept(res.status)) return;
      lastError = `HTTP ${res.status}`;
    } catch (e) {
      lastError = e instanceof Error ? e.message : String(e);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not become ready within ${Math.round(opts.timeoutMs / 1000)} s (${lastError})`);
}

/** Fails fast with a useful message instead of letting a child crash on EADDRINUSE. */
export async function assertPortFree(port: number, host: string, what: string, envName: string): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
  if (!free) {
    throw new Error(
      `port ${port} on ${host} is already in use, so the ${what} cannot start. ` +
        `Stop whatever is using it, or choose another port: ${envName}=<port>`,
    );
  }
}

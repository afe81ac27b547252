// Starts support/app-child.ts — a whole app instance as its own OS process — on a port, with the
// test's environment (DATABASE_URL, APP_BASE_URL, SAUTIKIT_API_URL), and warms its webhook routes.
import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const p = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return p;
}

export async function startAppProcess(port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const c = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(here, "app-child.ts")], {
    cwd: path.resolve(here, "../../../.."),
    env: {
      ...process.env,
      APP_BASE_URL: `http://127.0.0.1:${port}`,
      MKUTANO_DISABLE_WORKER: "",
      LOG_LEVEL: "error",
      ...env,
      PORT: String(port),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  c.stderr!.on("data", (d: Buffer) => (err = (err + d.toString()).slice(-5000)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app process did not start:\n${err}`)), 60_000);
    createInterface({ input: c.stdout! }).on("line", (l) => {
      if (l.startsWith("ready ")) {
        clearTimeout(timer);
        resolve();
      }
    });
    c.once("exit", (code) => reject(new Error(`app process exited (${code}):\n${err}`)));
  });
  // Load every webhook route once (tsx compiles on first import), as `next start` has them ready.
  for (const route of ["voice/outbound", "voice/inbound", "conference/events", "conference/digits", "call-events"])
    await fetch(`http://127.0.0.1:${port}/api/sautikit/warm-up/${route}`, { method: "POST", body: "{}" });
  return c;
}

// The runner's process supervision with real child processes: stopping a service stops what it
// spawned, one-shot steps report their result or their failure, readiness fails fast on a crash.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assertPortFree, runStep, startService, stopService, waitForHttp } from "@/scripts/lib/processes";

const dir = mkdtempSync(path.join(os.tmpdir(), "runner-processes-"));
const script = (name: string, body: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, body);
  return file;
};

/** Running, not merely an unreaped zombie (this container's init may not reap orphans). */
function alive(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, "utf8"));
  } catch {
    return false;
  }
}

describe("runner processes", () => {
  it("stops a service and the processes it spawned (its whole group)", async () => {
    // The service starts a grandchild of its own, as Next starts its workers.
    const parent = script(
      "parent.mjs",
      `import { spawn } from "node:child_process";
       const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
       console.log("grandchild " + child.pid);
       setInterval(() => {}, 1000);`,
    );
    const service = startService("fake", "grey", process.execPath, [parent], process.env, dir);
    const grandchild = await new Promise<number>((resolve) =>
      service.child.stdout!.on("data", (d: Buffer) => {
        const m = /grandchild (\d+)/.exec(d.toString());
        if (m) resolve(Number(m[1]));
      }),
    );
    expect(alive(grandchild)).toBe(true);
    const exit = await stopService(service, 5000);
    expect(exit.signal).toBe("SIGTERM");
    await expect.poll(() => alive(grandchild)).toBe(false);
  });

  it("escalates to SIGKILL when a service ignores SIGTERM", async () => {
    const stubborn = script(
      "stubborn.mjs",
      `process.on("SIGTERM", () => {}); console.log("up"); setInterval(() => {}, 1000);`,
    );
    const service = startService("stubborn", "grey", process.execPath, [stubborn], process.env, dir);
    await new Promise((resolve) => service.child.stdout!.once("data", resolve));
    const exit = await stopService(service, 300);
    expect(exit.signal).toBe("SIGKILL");
  });

  it("returns a step's last IPC message, and rejects with the exit code when it fails", async () => {
    const ok = script("ok.mjs", `process.send({ step: "demo", applied: ["a"] }, () => process.exit(0));`);
    await expect(runStep("demo", "grey", [ok], process.env, dir)).resolves.toEqual({ step: "demo", applied: ["a"] });
    const bad = script("bad.mjs", `console.error("cannot reach the database"); process.exit(3);`);
    await expect(runStep("demo", "grey", [bad], process.env, dir)).rejects.toThrow("demo failed (exit code 3)");
  });

  it("fails readiness at once when the service dies, instead of waiting out the timeout", async () => {
    const dies = script("dies.mjs", `process.exit(2);`);
    const service = startService("dies", "grey", process.execPath, [dies], process.env, dir);
    const started = Date.now();
    await expect(waitForHttp("http://127.0.0.1:9/never", { timeoutMs: 20_000, service })).rejects.toThrow(
      /dies exited before/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("names the variable to change when a port is taken", async () => {
    const server = net.createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as net.AddressInfo;
    await expect(assertPortFree(port, "127.0.0.1", "app", "PORT")).rejects.toThrow(
      `port ${port} on 127.0.0.1 is already in use`,
    );
    await expect(assertPortFree(port, "127.0.0.1", "app", "PORT")).rejects.toThrow("PORT=<port>");
    server.close();
    await new Promise((resolve) => server.once("close", resolve));
    await expect(assertPortFree(port, "127.0.0.1", "app", "PORT")).resolves.toBeUndefined();
  });
});

// The embedded database may be opened by one process at a time: a second gets a clear error that
// names the holder, and a lock left by a dead process is taken over.
import { spawn, spawnSync } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import os from "node:os";
import { acquireLock, DatabaseLockedError, lockPathFor, readLock } from "@/lib/db/lock";
import { openPglite } from "@/lib/db/runtime";
import { createTestDatabase } from "@/tests/support/test-db";
import type { TestDatabase } from "@/tests/support/test-db";

const here = path.dirname(fileURLToPath(import.meta.url));
const holder = path.join(here, "fixtures/hold-pglite.ts");
const root = path.resolve(here, "../../..");
const databases: TestDatabase[] = [];

/** A migrated clone: skips initdb, which would dominate this test's run time. */
async function tempDir(): Promise<string> {
  const database = await createTestDatabase();
  databases.push(database);
  return database.url.slice("pglite:".length);
}

// tsx's loader in the child runs the fixture with server-only satisfied by the react-server condition.
const childArgs = (dir: string) => ["--conditions=react-server", "--import", "tsx", holder, dir];

function startHolder(dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, childArgs(dir), { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk;
      if (out.includes("ready")) resolve(child);
    });
    child.stderr!.on("data", (chunk: Buffer) => (err += chunk));
    child.on("exit", (code) => reject(new Error(`holder exited early (${code}): ${err}`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) =>
    child.exitCode !== null || child.signalCode ? resolve() : child.once("exit", () => resolve()),
  );
}

afterAll(async () => {
  for (const database of databases) await database.drop();
});

// PGlite only: the lock guards embedded data directories (always cloned from the PGlite template).
const embeddedRun = !/^postgres(ql)?:/.test(process.env.DATABASE_URL ?? "");

describe.runIf(embeddedRun)("PGlite data directory lock", { timeout: 60_000 }, () => {
  it("refuses a second process while the first holds the directory, naming the holder", async () => {
    const dir = await tempDir();
    const first = await startHolder(dir);
    try {
      expect(readLock(lockPathFor(dir))?.pid).toBe(first.pid);

      // Another process: the app's own client fails with the holder's pid in the message.
      const second = spawnSync(process.execPath, childArgs(dir), { cwd: root, encoding: "utf8", input: "" });
      expect(second.status).toBe(3);
      expect(second.stderr).toContain(`is in use by process ${first.pid}`);

      // This process, too.
      let thrown: unknown;
      try {
        openPglite(dir, "test");
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DatabaseLockedError);
      expect((thrown as DatabaseLockedError).holder.pid).toBe(first.pid);
    } finally {
      first.stdin!.end();
      await exited(first);
    }
    // A clean shutdown removes the lock.
    expect(fs.existsSync(lockPathFor(dir))).toBe(false);
  });

  it("takes over a lock left behind by a process that died", async () => {
    const dir = await tempDir();
    const first = await startHolder(dir);
    first.kill("SIGKILL");
    await exited(first);
    expect(readLock(lockPathFor(dir))?.pid).toBe(first.pid); // left behind

    const embedded = openPglite(dir, "test");
    try {
      expect(readLock(lockPathFor(dir))?.pid).toBe(process.pid);
      const { rows } = await embedded.pglite.query<{ ok: number }>("select 1 as ok");
      expect(rows).toEqual([{ ok: 1 }]);
    } finally {
      await embedded.close();
    }
    expect(fs.existsSync(lockPathFor(dir))).toBe(false);
  });

  it("refuses a second open inside the same process", async () => {
    const dir = await tempDir();
    const embedded = openPglite(dir, "first");
    try {
      expect(() => openPglite(dir, "second")).toThrow(DatabaseLockedError);
    } finally {
      await embedded.close();
    }
    const again = openPglite(dir, "after close");
    await again.close();
  });

  it("treats a garbled lock file as stale and respects one naming a live process", () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), "mkutano-lock-file-"));
    const dir = path.join(base, "db");
    try {
      fs.writeFileSync(lockPathFor(dir), '{"pid": 12'); // half-written by a crash
      acquireLock(dir, "test")();
      expect(fs.existsSync(lockPathFor(dir))).toBe(false);

      const parent = { pid: process.ppid, hostname: os.hostname(), purpose: "someone else", since: "earlier" };
      fs.writeFileSync(lockPathFor(dir), JSON.stringify(parent));
      expect(() => acquireLock(dir, "test")).toThrow(`in use by process ${process.ppid} (someone else`);
      expect(readLock(lockPathFor(dir))).toEqual(parent); // untouched
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  });
});

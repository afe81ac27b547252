// PGlite has no cross-process lock: two processes opening one data directory corrupt it. This
// guards each embedded data dir with `<dir>.lock` holding the owner's pid. A lock whose pid is dead
// is stale and taken over. No `server-only` marker: the migration scripts (plain Node) use it too.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export type LockInfo = { pid: number; hostname: string; purpose: string; since: string };

export class DatabaseLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    const where = holder.hostname !== os.hostname() && holder.hostname !== "?" ? ` on host ${holder.hostname}` : "";
    super(
      `The embedded database ${dataDir} is in use by process ${holder.pid}${where} (${holder.purpose}, since ` +
        `${holder.since}). Stop that process first, or point DATABASE_URL elsewhere. If that process ` +
        `no longer exists, delete ${lockPathFor(dataDir)}.`,
    );
    this.name = "DatabaseLockedError";
  }
}

/**
 * Locks held by this process, by lock path: a second open inside one process is an error too.
 * Kept on globalThis so a hot-reloaded copy of this module still knows what the process holds.
 */
const registry = globalThis as typeof globalThis & { __mkutanoDbLocks?: Set<string> };
const firstLoad = !registry.__mkutanoDbLocks;
const held = (registry.__mkutanoDbLocks ??= new Set<string>());

export function lockPathFor(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

export function readLock(lockPath: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(lockPath, "utf8")) as Partial<LockInfo>;
    if (typeof info.pid !== "number") return null;
    return { pid: info.pid, hostname: info.hostname ?? "?", purpose: info.purpose ?? "?", since: info.since ?? "?" };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    // Unreadable or half-written (a crash while writing): treat as stale, owner unknown.
    return { pid: -1, hostname: "?", purpose: "unreadable lock file", since: "?" };
  }
}

function isAlive(info: LockInfo): boolean {
  if (info.pid <= 0) return false;
  // Our own pid without an entry in `held` is a leftover from an earlier run that reused the pid
  // (common in containers, where the app is often pid 1).
  if (info.pid === process.pid) return false;
  if (info.hostname !== "?" && info.hostname !== os.hostname()) return true; // cannot check; be safe
  try {
    process.kill(info.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the lock for `dataDir` or throws DatabaseLockedError naming the holder.
 * Returns a release function (idempotent; only removes a lock this process still owns).
 */
export function acquireLock(dataDir: string, purpose: string): () => void {
  const lockPath = lockPathFor(dataDir);
  if (held.has(lockPath)) {
    throw new DatabaseLockedError(
      dataDir,
      readLock(lockPath) ?? { pid: process.pid, hostname: os.hostname(), purpose, since: "?" },
    );
  }
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const mine: LockInfo = { pid: process.pid, hostname: os.hostname(), purpose, since: new Date().toISOString() };

  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(mine), { flag: "wx" });
      held.add(lockPath);
      return () => releaseLock(lockPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = readLock(lockPath);
    if (holder && isAlive(holder)) throw new DatabaseLockedError(dataDir, holder);
    takeOverStale(lockPath, holder);
  }
  throw new Error(`Could not take the lock ${lockPath}: it keeps changing hands`);
}

// Renaming is atomic, so of two processes racing for a stale lock only one moves it away. If what
// got moved turns out to be a fresh, live lock (it changed hands in between), put it back.
function takeOverStale(lockPath: string, seen: LockInfo | null): void {
  const aside = `${lockPath}.stale-${process.pid}-${Date.now()}`;
  try {
    fs.renameSync(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  const moved = readLock(aside);
  if (moved && seen && moved.pid !== seen.pid && isAlive(moved)) {
    try {
      fs.linkSync(aside, lockPath);
    } catch {
      // Someone else already holds a new lock; the next attempt reports them.
    }
  }
  fs.rmSync(aside, { force: true });
}

function releaseLock(lockPath: string): void {
  if (!held.delete(lockPath)) return;
  const current = readLock(lockPath);
  if (current?.pid === process.pid) fs.rmSync(lockPath, { force: true });
}

// A process that exits without closing still frees its locks (sync: 'exit' allows no awaiting).
if (firstLoad) {
  process.once("exit", () => {
    for (const lockPath of [...held]) releaseLock(lockPath);
  });
}

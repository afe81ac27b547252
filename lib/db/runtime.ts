// Which database runtime a DATABASE_URL selects, and how to open it. Shared by the app's client
// (lib/db.ts) and the migration tool (scripts/db.ts); no `server-only` marker for that reason.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { acquireLock } from "@/lib/db/lock";

export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string | null } // null: in memory
  | { kind: "postgres"; url: string };

export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith("pglite:")) {
    const rest = url.slice("pglite:".length).trim();
    if (rest === "")
      throw new Error("DATABASE_URL pglite: needs a directory, e.g. pglite:./.data/mkutano, or pglite:memory");
    if (rest === "memory" || rest === "memory://") return { kind: "pglite", dataDir: null };
    return { kind: "pglite", dataDir: path.resolve(rest.replace(/^file:\/\//, "")) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: "postgres", url };
  throw new Error("DATABASE_URL must be pglite:<dir>, pglite:memory or postgresql://…");
}

/** A description safe to log: never includes a password. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite") return target.dataDir ? `PGlite at ${target.dataDir}` : "PGlite in memory";
  const u = new URL(target.url);
  return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
}

export type OpenPglite = { pglite: PGlite; close(): Promise<void> };

/**
 * Opens an embedded database under its lock; the lock is released when it is closed. Synchronous
 * so the app's lazy client can be built inside a property access; PGlite finishes starting in the
 * background and queries wait for it (`await pglite.waitReady` to surface start-up errors early).
 */
export function openPglite(dataDir: string | null, purpose: string): OpenPglite {
  if (dataDir === null) {
    const pglite = new PGlite();
    return { pglite, close: () => (pglite.closed ? Promise.resolve() : pglite.close()) };
  }
  const release = acquireLock(dataDir, purpose);
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const pglite = new PGlite(dataDir);
    return {
      pglite,
      async close() {
        try {
          if (!pglite.closed) await pglite.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

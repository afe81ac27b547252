// A fresh database for each e2e run. Embedded by default (.data/e2e, wiped); with E2E_DATABASE_URL,
// a dedicated `<name>_e2e` database (`<name>_proxy` for the reverse-proxy pass) on that PostgreSQL server, dropped and re-created. Only ever on
// this machine: e2e wipes data, so a remote host is refused outright.
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { acquireLock } from "@/lib/db/lock";
import { isLocalHost, repoRoot } from "@/scripts/lib/config";
import { E2E_PGLITE_DIR } from "./urls";

export async function prepareE2eDatabase(postgresUrl: string | undefined, suffix = "e2e"): Promise<string> {
  if (!postgresUrl) return wipePglite();
  if (!/^postgres(ql)?:\/\//.test(postgresUrl)) {
    throw new Error(`E2E_DATABASE_URL must be a postgresql:// URL, got "${postgresUrl.replace(/:[^:@/]*@/, ":***@")}"`);
  }
  const url = new URL(postgresUrl);
  if (!isLocalHost(url.hostname)) {
    throw new Error(
      `e2e refuses to run against a non-local database host (${url.hostname}): it drops and re-creates data`,
    );
  }
  const base = decodeURIComponent(url.pathname.replace(/^\//, "")) || "postgres";
  const name = `${base}_${suffix}`.replace(/[^a-zA-Z0-9_]/g, "_");
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  return url.toString();
}

function wipePglite(): string {
  const dir = path.join(repoRoot, E2E_PGLITE_DIR);
  // Taking the lock proves no other process (a previous e2e server) still has the directory open.
  const release = acquireLock(dir, `e2e wipe (pid ${process.pid})`);
  try {
    rmSync(dir, { recursive: true, force: true });
  } finally {
    release();
  }
  return `pglite:${dir}`;
}

// A fresh, fully migrated database per caller. PGlite (default): one migrated template per set of
// migrations, built once and cached in .data/test-templates/<hash>, then copied per caller
// (initdb + migrations take seconds; a copy takes a fraction). PostgreSQL (DATABASE_URL is
// postgresql://…): a new database on that server, migrated, dropped by drop().
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { acquireLock, DatabaseLockedError, readLock, lockPathFor } from "@/lib/db/lock";
import { deployMigrations } from "@/scripts/db/migrate";
import { prismaPaths } from "@/scripts/db/migrations-dir";

export type TestDatabase = { url: string; drop(): Promise<void> };

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const TEMPLATES = path.join(ROOT, ".data", "test-templates");

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl && /^postgres(ql)?:\/\//.test(serverUrl)) return createPostgresDatabase(serverUrl);
  return clonePgliteTemplate(await pgliteTemplate());
}

// ---- PostgreSQL -------------------------------------------------------------------------------

async function createPostgresDatabase(databaseUrl: string): Promise<TestDatabase> {
  const name = `mkutano_test_${crypto.randomBytes(6).toString("hex")}`;
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  // Administer through the maintenance database: DATABASE_URL may itself name a test database
  // (the app harness points it at one) that is dropped before this one.
  const admin = new URL(databaseUrl);
  admin.pathname = "/postgres";
  const serverUrl = admin.toString();
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  try {
    await deployMigrations(url.toString(), { paths: prismaPaths(path.join(ROOT, "prisma")) });
  } catch (error) {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
    throw error;
  }
  let dropped = false;
  return {
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// ---- PGlite -----------------------------------------------------------------------------------

/** The template's key changes whenever a migration (or the PGlite version) does. */
function templateKey(): string {
  const { migrationsDir } = prismaPaths(path.join(ROOT, "prisma"));
  const hash = crypto.createHash("sha256");
  const pglite = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/@electric-sql/pglite/package.json"), "utf8"));
  hash.update(`pglite ${pglite.version}\n`);
  for (const entry of fs.readdirSync(migrationsDir).sort()) {
    const file = path.join(migrationsDir, entry, "migration.sql");
    if (fs.existsSync(file)) hash.update(`${entry}\n`).update(fs.readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

async function pgliteTemplate(): Promise<string> {
  const dir = path.join(TEMPLATES, templateKey());
  const deadline = Date.now() + 120_000;
  while (!fs.existsSync(dir)) {
    // Test workers start together: one builds, the others wait for the finished directory.
    let release: (() => void) | undefined;
    try {
      release = acquireLock(`${dir}.build`, `test template build (pid ${process.pid})`);
    } catch (error) {
      if (!(error instanceof DatabaseLockedError)) throw error;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${error.holder.pid} to build ${dir}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    try {
      if (!fs.existsSync(dir)) await buildTemplate(dir);
    } finally {
      release();
    }
  }
  return dir;
}

async function buildTemplate(dir: string): Promise<void> {
  const building = `${dir}.tmp-${process.pid}`;
  fs.rmSync(building, { recursive: true, force: true });
  await deployMigrations(`pglite:${building}`, { paths: prismaPaths(path.join(ROOT, "prisma")) });
  fs.renameSync(building, dir); // atomic: a template dir either is complete or does not exist
  removeOldTemplates(path.basename(dir));
}

function removeOldTemplates(keep: string): void {
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const entry of fs.readdirSync(TEMPLATES)) {
    const full = path.join(TEMPLATES, entry);
    if (entry === keep || entry.startsWith(`${keep}.`)) continue;
    if (fs.statSync(full).mtimeMs < dayAgo) fs.rmSync(full, { recursive: true, force: true });
  }
}

function clonePgliteTemplate(template: string): TestDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mkutano-test-db-"));
  fs.cpSync(template, dir, { recursive: true });
  let dropped = false;
  return {
    url: `pglite:${dir}`,
    async drop() {
      if (dropped) return;
      const holder = readLock(lockPathFor(dir));
      if (holder?.pid === process.pid) {
        throw new Error(`test database ${dir} is still open in this process: call disconnectDb() before drop()`);
      }
      dropped = true;
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(lockPathFor(dir), { force: true });
    },
  };
}

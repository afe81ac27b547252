// The offline migration tool end to end, on both runtimes: a schema change becomes a migration,
// deploys to a fresh database, status is clean; destructive changes need consent; an edited or
// failed migration makes status unclean (and the CLI exit non-zero); reset re-applies everything.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite } from "@/lib/db/runtime";
import { createMigration, deployMigrations, migrationStatus, resetDatabase } from "@/scripts/db/migrate";
import { prismaPaths } from "@/scripts/db/migrations-dir";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const envUrl = process.env.DATABASE_URL;
const postgresUrl = process.env.TEST_POSTGRES_URL ?? (envUrl && /^postgres(ql)?:/.test(envUrl) ? envUrl : undefined);

type Fresh = { url: string; query<T>(sql: string): Promise<T[]>; drop(): Promise<void> };

async function freshPglite(): Promise<Fresh> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mkutano-migrate-test-"));
  const dataDir = path.join(dir, "db");
  return {
    url: `pglite:${dataDir}`,
    async query<T>(sql: string) {
      const embedded = openPglite(dataDir, "migrations test");
      try {
        return (await embedded.pglite.query<T>(sql)).rows;
      } finally {
        await embedded.close();
      }
    },
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function freshPostgres(serverUrl: string): Promise<Fresh> {
  const name = `mkutano_test_migrate_${crypto.randomBytes(5).toString("hex")}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const run = async <T>(target: string, sql: string) => {
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  };
  await run(serverUrl, `CREATE DATABASE "${name}"`);
  return {
    url: url.toString(),
    query: (sql) => run(url.toString(), sql),
    drop: async () => void (await run(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}

// The PGlite half runs in the embedded pass; the PostgreSQL pass (DATABASE_URL=postgresql://…)
// runs only the PostgreSQL half, which the embedded pass also runs when TEST_POSTGRES_URL is set.
const embeddedPass = !(envUrl && /^postgres(ql)?:/.test(envUrl));
const runtimes: [string, string | undefined, (server: string) => Promise<Fresh>][] = [
  ["PGlite", embeddedPass ? "embedded" : undefined, () => freshPglite()],
  ["PostgreSQL", postgresUrl, (server) => freshPostgres(server)],
];

const PROBE_MODEL = `
model DbToolProbe {
  id        String   @id
  label     String?
  createdAt DateTime @default(now())
}
`;

describe.each(runtimes)("migration round trip on %s", (_name, server, fresh) => {
  describe.skipIf(!server)("", { timeout: 180_000 }, () => {
    let prismaDir: string;
    let paths: ReturnType<typeof prismaPaths>;
    const made: Fresh[] = [];
    let main: Fresh;
    let added = "";

    const dirs = () =>
      fs
        .readdirSync(paths.migrationsDir)
        .filter((d) => /^\d{14}_/.test(d))
        .sort();
    const schema = (edit: (text: string) => string) =>
      fs.writeFileSync(paths.schemaPath, edit(fs.readFileSync(paths.schemaPath, "utf8")));
    const database = async () => {
      const db = await fresh(server!);
      made.push(db);
      return db;
    };

    beforeAll(async () => {
      prismaDir = fs.mkdtempSync(path.join(os.tmpdir(), "mkutano-prisma-copy-"));
      fs.cpSync(path.join(root, "prisma/schema.prisma"), path.join(prismaDir, "schema.prisma"));
      fs.cpSync(path.join(root, "prisma/migrations"), path.join(prismaDir, "migrations"), { recursive: true });
      paths = prismaPaths(prismaDir);
      main = await database();
      // The working tree's schema may be ahead of its migrations (someone mid-change): catch up
      // first so the assertions below see only this test's change.
      await createMigration(main.url, { paths, name: "catch_up", acceptDataLoss: true });
    });

    afterAll(async () => {
      for (const db of made) await db.drop();
      fs.rmSync(prismaDir, { recursive: true, force: true });
    });

    it("turns a schema change into a new migration, applies it, and records it as Prisma does", async () => {
      const before = dirs();
      schema((text) => text + PROBE_MODEL);
      const result = await createMigration(main.url, { paths, name: "Add probe" });
      if (result.outcome !== "created") throw new Error(`expected a migration, got ${result.outcome}`);
      added = result.name;
      expect(added).toMatch(/^\d{14}_add_probe$/);
      expect(dirs()).toEqual([...before, added]);
      expect(result.destructive).toEqual([]);
      expect(result.applied).toEqual([added]);
      const sql = fs.readFileSync(path.join(paths.migrationsDir, added, "migration.sql"), "utf8");
      expect(sql).toContain('CREATE TABLE "DbToolProbe"');
      expect(fs.readFileSync(path.join(paths.migrationsDir, "migration_lock.toml"), "utf8")).toContain(
        'provider = "postgresql"',
      );

      const [row] = await main.query<{ checksum: string; finished_at: unknown; applied_steps_count: number }>(
        `SELECT checksum, finished_at, applied_steps_count FROM "_prisma_migrations" WHERE migration_name = '${added}'`,
      );
      expect(row?.checksum).toBe(crypto.createHash("sha256").update(sql).digest("hex"));
      expect(row?.finished_at).not.toBeNull();
      expect(row?.applied_steps_count).toBe(1);

      const status = await migrationStatus(main.url, { paths });
      expect(status).toMatchObject({ clean: true, pending: [], edited: [], failed: [] });
      expect(status.applied).toEqual(dirs());
      expect(await createMigration(main.url, { paths, name: "again" })).toMatchObject({ outcome: "in-sync" });
    });

    it("deploys every migration to a fresh database, after which status is clean", async () => {
      const other = await database();
      expect((await migrationStatus(other.url, { paths })).pending).toEqual(dirs());
      // Asking for the status of an embedded database does not create it.
      if (other.url.startsWith("pglite:")) expect(fs.existsSync(other.url.slice("pglite:".length))).toBe(false);
      const { applied } = await deployMigrations(other.url, { paths });
      expect(applied).toEqual(dirs());
      expect(await migrationStatus(other.url, { paths })).toMatchObject({ clean: true, pending: [], applied: dirs() });
      expect((await deployMigrations(other.url, { paths })).applied).toEqual([]);
    });

    it("holds back a destructive change until it is accepted", async () => {
      await main.query(`INSERT INTO "DbToolProbe" (id, label) VALUES ('p1', 'kept?')`);
      const before = dirs();
      schema((text) => text.replace("  label     String?\n", ""));

      const blocked = await createMigration(main.url, { paths, name: "drop label" });
      expect(blocked.outcome).toBe("blocked");
      if (blocked.outcome !== "blocked") return;
      expect(blocked.destructive.map((d) => d.reason)).toEqual(['drops a column and its data (DROP COLUMN "label")']);
      expect(dirs()).toEqual(before); // nothing written
      expect(await main.query(`SELECT label FROM "DbToolProbe"`)).toEqual([{ label: "kept?" }]);

      const accepted = await createMigration(main.url, { paths, name: "drop label", acceptDataLoss: true });
      expect(accepted.outcome).toBe("created");
      expect(await main.query(`SELECT * FROM "DbToolProbe"`)).toEqual([{ id: "p1", createdAt: expect.any(Date) }]);
      expect((await migrationStatus(main.url, { paths })).clean).toBe(true);
    });

    it("reports a migration edited after it was applied, and the CLI exits non-zero", async () => {
      const file = path.join(paths.migrationsDir, added, "migration.sql");
      const original = fs.readFileSync(file, "utf8");
      fs.writeFileSync(file, `${original}\n-- edited afterwards\n`);
      try {
        const status = await migrationStatus(main.url, { paths });
        expect(status.edited).toEqual([added]);
        expect(status.clean).toBe(false);

        const cli = spawnSync(
          process.execPath,
          ["--import", "tsx", path.join(root, "scripts/db.ts"), "status", "--url", main.url, "--prisma-dir", prismaDir],
          { cwd: root, encoding: "utf8" },
        );
        expect(cli.stdout).toContain(`EDITED after being applied (checksum differs):\n  ${added}`);
        expect(cli.status).toBe(1);
      } finally {
        fs.writeFileSync(file, original);
      }
      expect((await migrationStatus(main.url, { paths })).clean).toBe(true);
    });

    it.each([
      ["as one implicit transaction", ""],
      ["inside its own BEGIN/COMMIT, leaving the connection usable", "BEGIN;\n"],
    ])("rolls back a failing migration %s, and reports it as failed", async (_how, begin) => {
      const name = "29991231235959_broken";
      fs.mkdirSync(path.join(paths.migrationsDir, name));
      fs.writeFileSync(
        path.join(paths.migrationsDir, name, "migration.sql"),
        `${begin}CREATE TABLE "HalfDone" ("id" TEXT);\nINSERT INTO "no_such_table" VALUES (1);\n${begin && "COMMIT;\n"}`,
      );
      try {
        await expect(deployMigrations(main.url, { paths })).rejects.toThrow(/no_such_table/);
        const status = await migrationStatus(main.url, { paths });
        expect(status.failed).toEqual([name]);
        expect(status.clean).toBe(false);
        expect(await main.query(`SELECT to_regclass('"HalfDone"') AS t`)).toEqual([{ t: null }]);
      } finally {
        fs.rmSync(path.join(paths.migrationsDir, name), { recursive: true });
        // What `prisma migrate resolve --rolled-back` would do, so the next case starts clean.
        await main.query(`DELETE FROM "_prisma_migrations" WHERE migration_name = '${name}'`);
      }
    });

    it("reset drops everything and re-applies every migration", async () => {
      const { applied } = await resetDatabase(main.url, { paths });
      expect(applied).toEqual(dirs());
      expect(await main.query(`SELECT count(*)::int AS n FROM "DbToolProbe"`)).toEqual([{ n: 0 }]);
      expect(await migrationStatus(main.url, { paths })).toMatchObject({ clean: true, failed: [] });
    });
  });
});

describe("db CLI guard rails", { timeout: 60_000 }, () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", path.join(root, "scripts/db.ts"), ...args], {
      cwd: root,
      encoding: "utf8",
    });

  it("refuses to reset a non-local PostgreSQL without --force, before connecting", () => {
    const result = cli("reset", "--url", "postgresql://someone:secret@db.example.com:5432/prod");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Refusing to reset PostgreSQL db.example.com:5432/prod: not a local host");
    expect(result.stdout + result.stderr).not.toContain("secret");
  });

  it("requires --name for migrate and rejects unknown commands", () => {
    const noName = cli("migrate", "--url", "pglite:memory");
    expect(noName.status).toBe(2);
    expect(noName.stderr).toContain("migrate needs --name");
    const unknown = cli("frobnicate", "--url", "pglite:memory");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });
});

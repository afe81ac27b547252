// Migration operations over either runtime: deploy, status, create (diff → new migration), reset.
// Reusable by other scripts (dev runner, e2e setup, test databases) as well as scripts/db.ts.
import fs from "node:fs";
import path from "node:path";
import { describeTarget, parseDatabaseUrl } from "@/lib/db/runtime";
import { connectForMigrations } from "@/scripts/db/adapters";
import type { MigrationConnection } from "@/scripts/db/adapters";
import { createEngine, runEngine } from "@/scripts/db/engine";
import type { SchemaEngine } from "@/scripts/db/engine";
import { findDestructiveChanges } from "@/scripts/db/destructive";
import type { DestructiveChange } from "@/scripts/db/destructive";
import {
  ensureLockfile,
  migrationNames,
  normaliseMigrationName,
  prismaPaths,
  readMigrationList,
  writeMigration,
} from "@/scripts/db/migrations-dir";
import type { PrismaPaths } from "@/scripts/db/migrations-dir";

const NO_FILTER = { externalTables: [], externalEnums: [] };

export type MigrateOptions = { paths?: PrismaPaths; onLog?: (line: string) => void };

async function withEngine<T>(
  databaseUrl: string,
  options: MigrateOptions,
  work: (engine: SchemaEngine, connection: MigrationConnection, paths: PrismaPaths) => Promise<T>,
): Promise<T> {
  const paths = options.paths ?? prismaPaths();
  const connection = await connectForMigrations(databaseUrl);
  let engine: SchemaEngine | undefined;
  try {
    engine = await createEngine({
      factory: connection.factory,
      schemaPath: paths.schemaPath,
      schemaText: fs.readFileSync(paths.schemaPath, "utf8"),
      onLog: options.onLog,
    });
    return await work(engine, connection, paths);
  } finally {
    engine?.free();
    await connection.close();
  }
}

/** Applies every pending migration (`prisma migrate deploy`). */
export async function deployMigrations(
  databaseUrl: string,
  options: MigrateOptions = {},
): Promise<{ applied: string[] }> {
  return withEngine(databaseUrl, options, (engine, _c, paths) => applyPending(engine, paths));
}

async function applyPending(engine: SchemaEngine, paths: PrismaPaths): Promise<{ applied: string[] }> {
  const migrationsList = readMigrationList(paths.migrationsDir);
  if (migrationsList.migrationDirectories.length === 0) return { applied: [] };
  if (migrationsList.lockfile.content === null)
    throw new Error(`${paths.migrationsDir}/migration_lock.toml is missing`);
  const result = await runEngine(engine, "applyMigrations", () =>
    engine.applyMigrations({ migrationsList, filters: NO_FILTER }),
  );
  return { applied: result.appliedMigrationNames };
}

export type MigrationStatus = {
  database: string;
  migrations: string[];
  applied: string[];
  pending: string[];
  /** Applied, but migration.sql changed since (checksum mismatch). */
  edited: string[];
  failed: string[];
  /** Recorded as applied in the database but missing from the folder. */
  missingLocally: string[];
  clean: boolean;
};

/** Compares the folder with `_prisma_migrations` (`prisma migrate status`). */
export async function migrationStatus(databaseUrl: string, options: MigrateOptions = {}): Promise<MigrationStatus> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.kind === "pglite" && target.dataDir && !fs.existsSync(path.join(target.dataDir, "PG_VERSION"))) {
    // Opening it would create it (initdb); a status check should not.
    const migrations = migrationNames(readMigrationList((options.paths ?? prismaPaths()).migrationsDir));
    const status = {
      database: `${describeTarget(target)} (does not exist yet)`,
      migrations,
      applied: [],
      pending: migrations,
    };
    return { ...status, edited: [], failed: [], missingLocally: [], clean: migrations.length === 0 };
  }
  return withEngine(databaseUrl, options, async (engine, connection, paths) => {
    const migrationsList = readMigrationList(paths.migrationsDir);
    const diagnosis = await runEngine(engine, "diagnoseMigrationHistory", () =>
      engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_FILTER }),
    );
    const rows = diagnosis.hasMigrationsTable
      ? await connection.query<{ migration_name: string }>(
          `SELECT migration_name FROM "_prisma_migrations"
           WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY started_at, migration_name`,
        )
      : [];
    const applied = [...new Set(rows.map((r) => r.migration_name))];
    const history = diagnosis.history;
    const pending =
      history && history.diagnostic !== "migrationsDirectoryIsBehind" ? history.unappliedMigrationNames : [];
    const missingLocally =
      history && history.diagnostic !== "databaseIsBehind" ? history.unpersistedMigrationNames : [];
    const status = {
      database: connection.description,
      migrations: migrationNames(migrationsList),
      applied,
      pending,
      edited: diagnosis.editedMigrationNames,
      failed: diagnosis.failedMigrationNames,
      missingLocally,
    };
    const clean = !pending.length && !status.edited.length && !status.failed.length && !missingLocally.length;
    return { ...status, clean };
  });
}

export type CreateMigrationResult =
  | { outcome: "in-sync"; applied: string[] }
  | { outcome: "blocked"; sql: string; destructive: DestructiveChange[]; applied: string[] }
  | { outcome: "created"; name: string; sql: string; destructive: DestructiveChange[]; applied: string[] };

export type CreateMigrationOptions = MigrateOptions & {
  name: string;
  acceptDataLoss?: boolean;
  /** Write the file but do not apply it (to edit it by hand first). */
  createOnly?: boolean;
};

/**
 * `prisma migrate dev --name x`: brings the database up to date, diffs the migrations folder
 * against schema.prisma (replayed on a shadow database), writes the new migration and applies it.
 * Destructive SQL is not written unless accepted; an out-of-date or drifted history is refused.
 */
export async function createMigration(
  databaseUrl: string,
  options: CreateMigrationOptions,
): Promise<CreateMigrationResult> {
  const migrationName = normaliseMigrationName(options.name);
  return withEngine(databaseUrl, options, async (engine, _connection, paths) => {
    ensureLockfile(paths.migrationsDir);
    let migrationsList = readMigrationList(paths.migrationsDir);
    const diagnosis = await runEngine(engine, "diagnoseMigrationHistory", () =>
      engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_FILTER }),
    );
    const problems = [
      ...diagnosis.editedMigrationNames.map((n) => `${n} was edited after it was applied`),
      ...diagnosis.failedMigrationNames.map((n) => `${n} failed`),
      ...(diagnosis.history && diagnosis.history.diagnostic !== "databaseIsBehind"
        ? [`the database has migrations the folder lacks: ${diagnosis.history.unpersistedMigrationNames.join(", ")}`]
        : []),
    ];
    if (problems.length) {
      throw new Error(
        `Migration history is not clean (${problems.join("; ")}). Fix it or run db:reset on a dev database.`,
      );
    }
    const { applied } = await applyPending(engine, paths);

    const schemaText = fs.readFileSync(paths.schemaPath, "utf8");
    const diff = await runEngine(engine, "diff", () =>
      engine.diff({
        from: { tag: "migrations", ...migrationsList },
        to: { tag: "schemaDatamodel", files: [{ path: paths.schemaPath, content: schemaText }] },
        script: true,
        exitCode: null,
        filters: NO_FILTER,
      }),
    );
    const sql = diff.stdout ?? "";
    if (!/\S/.test(sql.replace(/--[^\n]*/g, ""))) return { outcome: "in-sync", applied };

    const destructive = findDestructiveChanges(sql);
    if (destructive.length && !options.acceptDataLoss && !options.createOnly) {
      return { outcome: "blocked", sql, destructive, applied };
    }
    const name = writeMigration(paths.migrationsDir, migrationName, sql);
    if (!options.createOnly) {
      migrationsList = readMigrationList(paths.migrationsDir);
      const result = await runEngine(engine, "applyMigrations", () =>
        engine.applyMigrations({ migrationsList, filters: NO_FILTER }),
      );
      applied.push(...result.appliedMigrationNames);
    }
    return { outcome: "created", name, sql, destructive, applied };
  });
}

/** Drops everything in the database, then applies every migration (`prisma migrate reset`). */
export async function resetDatabase(databaseUrl: string, options: MigrateOptions = {}): Promise<{ applied: string[] }> {
  return withEngine(databaseUrl, options, async (engine, _c, paths) => {
    await runEngine(engine, "reset", () => engine.reset({ filter: NO_FILTER }));
    return applyPending(engine, paths);
  });
}

// npm run db:migrate -- --name x | db:deploy | db:status | db:reset — offline replacements for
// `prisma migrate dev|deploy|status|reset`, driving the WASM schema engine (see
// docs/decisions/0001-offline-migrations.md). The database comes from DATABASE_URL or --url.
import { parseArgs } from "node:util";
import { loadEnv } from "@/lib/env";
import { DatabaseLockedError } from "@/lib/db/lock";
import { describeTarget, parseDatabaseUrl } from "@/lib/db/runtime";
import { createMigration, deployMigrations, migrationStatus, resetDatabase } from "@/scripts/db/migrate";
import type { MigrationStatus } from "@/scripts/db/migrate";
import { normaliseMigrationName, prismaPaths } from "@/scripts/db/migrations-dir";

const USAGE = `usage: tsx scripts/db.ts <migrate|deploy|status|reset> [options]
  migrate --name <name> [--accept-data-loss] [--create-only]
  deploy
  status
  reset [--force]            (--force: allow a non-local PostgreSQL host)
common: --url <DATABASE_URL>  --prisma-dir <dir> (default ./prisma)  --verbose`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: "string" },
      url: { type: "string" },
      "prisma-dir": { type: "string" },
      "accept-data-loss": { type: "boolean", default: false },
      "create-only": { type: "boolean", default: false },
      force: { type: "boolean", default: false },
      verbose: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  const command = positionals[0];
  if (values.help || !command || positionals.length > 1) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const url = values.url ?? loadEnv().DATABASE_URL;
  const target = parseDatabaseUrl(url);
  const options = {
    paths: prismaPaths(values["prisma-dir"]),
    onLog: values.verbose ? (line: string) => console.error(`[engine] ${line}`) : undefined,
  };
  console.log(`Database: ${describeTarget(target)}`);

  switch (command) {
    case "deploy": {
      const { applied } = await deployMigrations(url, options);
      console.log(applied.length ? `Applied ${applied.length}:\n${list(applied)}` : "No pending migrations.");
      return 0;
    }
    case "status":
      return printStatus(await migrationStatus(url, options));
    case "migrate": {
      if (!values.name)
        throw new UsageError("migrate needs --name, e.g. npm run db:migrate -- --name add_meeting_notes");
      const result = await createMigration(url, {
        ...options,
        name: normaliseMigrationName(values.name),
        acceptDataLoss: values["accept-data-loss"],
        createOnly: values["create-only"],
      });
      if (result.applied.length) console.log(`Applied:\n${list(result.applied)}`);
      if (result.outcome === "in-sync") {
        console.log("The schema matches the migrations; no migration created.");
        return 0;
      }
      if (result.outcome === "blocked") {
        printDestructive(result.destructive);
        console.error("Nothing was written. Re-run with --accept-data-loss to create and apply it,");
        console.error("or with --create-only to write it for hand editing without applying it.");
        return 1;
      }
      if (result.destructive.length) printDestructive(result.destructive);
      const where = `${options.paths.migrationsDir}/${result.name}/migration.sql`;
      console.log(values["create-only"] ? `Created (not applied): ${where}` : `Created and applied: ${where}`);
      return 0;
    }
    case "reset": {
      if (target.kind === "postgres" && !isLocalHost(target.url) && !values.force) {
        throw new UsageError(
          `Refusing to reset ${describeTarget(target)}: not a local host. Add --force if you mean it.`,
        );
      }
      const { applied } = await resetDatabase(url, options);
      console.log(`Database reset; applied ${applied.length} migration(s).`);
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"\n${USAGE}`);
  }
}

class UsageError extends Error {}

function isLocalHost(url: string): boolean {
  const u = new URL(url);
  const host = u.hostname || u.searchParams.get("host") || "";
  return ["127.0.0.1", "localhost", "::1", "[::1]"].includes(host) || host.startsWith("/");
}

function list(names: string[]): string {
  return names.map((n) => `  ${n}`).join("\n");
}

function printStatus(s: MigrationStatus): number {
  console.log(`${s.migrations.length} migration(s) in the folder, ${s.applied.length} applied.`);
  const sections: [string, string[]][] = [
    ["Pending (not yet applied)", s.pending],
    ["EDITED after being applied (checksum differs)", s.edited],
    ["FAILED", s.failed],
    ["Applied in the database but missing from the folder", s.missingLocally],
  ];
  for (const [title, names] of sections) if (names.length) console.log(`${title}:\n${list(names)}`);
  console.log(s.clean ? "Database schema is up to date." : "Database is NOT up to date.");
  return s.clean ? 0 : 1;
}

function printDestructive(changes: { statement: string; reason: string }[]): void {
  const bar = "!".repeat(72);
  console.error(`${bar}\n  This migration may lose data or fail on existing rows:\n`);
  for (const c of changes) console.error(`  - ${c.reason}\n      ${c.statement.slice(0, 200)}`);
  console.error(bar);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof UsageError ? error.message : `db: ${(error as Error)?.message ?? error}`);
    if (error instanceof DatabaseLockedError && process.argv[2] === "migrate") {
      // The usual case: `npm run dev` holds the embedded database. The migration can still be
      // written by replaying the folder in memory; the dev runner applies it at its next start.
      console.error("To write the migration without touching the running app's database, add --url pglite:memory");
    }
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);

// Driver-adapter factories for the schema engine, one per runtime, with the fixes the stock
// adapters (7.10 / pglite-prisma-adapter 0.7.2) need to run migrations safely:
// - both run a migration script as ONE multi-statement query (adapter-pg splits on ";", which
//   breaks on function bodies and runs the pieces outside a transaction on whatever pooled
//   connection is free; pglite's does not await the script, so a failing migration was recorded
//   as applied);
// - adapter-pg cannot read the internal "char" type (OID 18) in the engine's catalog queries;
// - shadow databases are ours: adapter-pg's lands on the MAIN database when built from a
//   connection string, pglite's is never closed.
import crypto from "node:crypto";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQueryable,
  Transaction,
} from "@prisma/driver-adapter-utils";
import { openPglite, parseDatabaseUrl, describeTarget } from "@/lib/db/runtime";
import type { DatabaseTarget } from "@/lib/db/runtime";

export type MigrationConnection = {
  target: DatabaseTarget;
  description: string;
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Plain query for bookkeeping reads (e.g. the _prisma_migrations table). */
  query<T>(sql: string): Promise<T[]>;
  close(): Promise<void>;
};

export async function connectForMigrations(databaseUrl: string): Promise<MigrationConnection> {
  const target = parseDatabaseUrl(databaseUrl);
  return target.kind === "postgres" ? connectPostgres(target) : connectPglite(target);
}

function override<T extends object>(target: T, overrides: Partial<T>): T {
  return new Proxy(target, {
    get(t, prop) {
      if (Object.hasOwn(overrides, prop)) return overrides[prop as keyof T];
      const value: unknown = Reflect.get(t, prop, t);
      return typeof value === "function" ? value.bind(t) : value;
    },
  });
}

// ---- PostgreSQL -------------------------------------------------------------------------------

const charColumns = new WeakMap<object, number[]>();

type QueryResultLike = { fields?: { dataTypeID: number }[]; rows?: object };
function markCharColumns<R>(result: R): R {
  const r = result as QueryResultLike;
  if (!r?.fields || !r.rows) return result;
  const indexes: number[] = [];
  r.fields.forEach((field, i) => {
    if (field.dataTypeID === 18) {
      field.dataTypeID = 25; // read as text; reported as Character below
      indexes.push(i);
    }
  });
  if (indexes.length) charColumns.set(r.rows, indexes);
  return result;
}

class CharAwareClient extends pg.Client {
  override query(...args: unknown[]): never {
    // pg.Pool#query calls this with a callback; the adapter's own clients use the promise form.
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (error: unknown, result: unknown) =>
        last(error, error ? result : markCharColumns(result));
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result instanceof Promise) return result.then(markCharColumns) as never;
    return result as never;
  }
}

function withCharColumns<T extends SqlQueryable>(queryable: T): T {
  return override(queryable, {
    queryRaw: async (query) => {
      const result = await queryable.queryRaw(query);
      for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
      return result;
    },
  } as Partial<T>);
}

async function pgAdapter(pool: pg.Pool, onDispose: () => Promise<void>): Promise<SqlDriverAdapter> {
  const adapter = await new PrismaPg(pool).connect();
  return withCharColumns(
    override(adapter, {
      executeScript: async (script: string) => {
        const client = await pool.connect();
        try {
          await client.query(script);
          client.release();
        } catch (error) {
          // A script with its own BEGIN stops at the error inside an open, aborted transaction:
          // discard that connection rather than hand it back to the pool.
          client.release(true);
          (adapter as unknown as { onError(e: unknown): never }).onError(error);
        }
      },
      startTransaction: async (level) => withCharColumns<Transaction>(await adapter.startTransaction(level)),
      dispose: onDispose,
    }),
  );
}

async function connectPostgres(target: Extract<DatabaseTarget, { kind: "postgres" }>): Promise<MigrationConnection> {
  const mainDb = decodeURIComponent(new URL(target.url).pathname.slice(1)) || "postgres";
  const pool = new pg.Pool({ connectionString: target.url, Client: CharAwareClient, max: 4 });
  const shadows = new Set<() => Promise<void>>();

  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => pgAdapter(pool, async () => {}),
    async connectToShadowDb() {
      const name = `mkutano_shadow_${crypto.randomBytes(6).toString("hex")}`;
      const url = new URL(target.url);
      url.pathname = `/${name}`;
      await pool.query(`CREATE DATABASE "${name}"`);
      const shadowPool = new pg.Pool({ connectionString: url.toString(), Client: CharAwareClient, max: 2 });
      const drop = async () => {
        shadows.delete(drop);
        await shadowPool.end();
        await pool.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      };
      shadows.add(drop);
      // A shadow database is reset at will by the engine; never let that be the main one.
      const { rows } = await shadowPool.query<{ db: string }>("select current_database() as db");
      if (rows[0]?.db !== name || name === mainDb) {
        await drop();
        throw new Error(`shadow database check failed: connected to ${rows[0]?.db}, expected ${name}`);
      }
      return pgAdapter(shadowPool, drop);
    },
  };

  return {
    target,
    description: describeTarget(target),
    factory,
    query: async <T>(sql: string) => (await pool.query(sql)).rows as T[],
    async close() {
      for (const drop of [...shadows]) await drop().catch(() => {});
      await pool.end();
    },
  };
}

// ---- PGlite -----------------------------------------------------------------------------------

async function pgliteAdapter(pglite: PGlite, onDispose: () => Promise<void>): Promise<SqlDriverAdapter> {
  const adapter = await new PrismaPGlite(pglite).connect();
  return override(adapter, {
    executeScript: async (script: string) => {
      try {
        await pglite.exec(script);
      } catch (error) {
        // PGlite has one connection: end a transaction the script opened (BEGIN) and left aborted,
        // or every later statement, including the engine's "migration failed" record, fails too.
        await pglite.exec("ROLLBACK").catch(() => {});
        (adapter as unknown as { onError(e: unknown): never }).onError(error);
      }
    },
    dispose: onDispose,
  });
}

async function connectPglite(target: Extract<DatabaseTarget, { kind: "pglite" }>): Promise<MigrationConnection> {
  const embedded = openPglite(target.dataDir, `migrations (pid ${process.pid})`);
  try {
    await embedded.pglite.waitReady;
  } catch (error) {
    await embedded.close().catch(() => {});
    throw error;
  }
  const shadows = new Set<PGlite>();

  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: "postgres",
    adapterName: "pglite-prisma-adapter",
    connect: () => pgliteAdapter(embedded.pglite, async () => {}),
    async connectToShadowDb() {
      const shadow = new PGlite();
      shadows.add(shadow);
      return pgliteAdapter(shadow, async () => {
        shadows.delete(shadow);
        if (!shadow.closed) await shadow.close();
      });
    },
  };

  return {
    target,
    description: describeTarget(target),
    factory,
    query: async <T>(sql: string) => (await embedded.pglite.query<T>(sql)).rows,
    async close() {
      for (const shadow of [...shadows]) if (!shadow.closed) await shadow.close().catch(() => {});
      await embedded.close();
    },
  };
}

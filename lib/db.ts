import "server-only";
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { PGlite, Transaction as PgliteTransaction } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { env } from "@/lib/env";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { openPgliteThread } from "@/lib/db/pglite-thread";
import { openPglite, parseDatabaseUrl } from "@/lib/db/runtime";

// The one Prisma client. Created on first use, never at import, so `next build` and modules that
// only import types never open the database. Kept on globalThis so Next's dev hot reload reuses it
// (a second PGlite on the same directory would be refused by its lock anyway).
type Holder = {
  url: string;
  client: PrismaClient;
  close: () => Promise<void>;
  rows: SqlRows;
  transaction: <T>(work: (tx: SqlTx) => Promise<T>) => Promise<T>;
};
/** A plain SQL read on the driver adapter's own connections (see sqlRows). */
type SqlRows = <T>(sql: string, params: readonly unknown[]) => Promise<T[]>;
type Hooks = { writes: Set<(model: string) => void>; beforeDisconnect: Set<() => Promise<void>> };
const store = globalThis as typeof globalThis & { __mkutanoDb?: Holder; __mkutanoDbHooks?: Hooks };
// On globalThis like the client itself, so a listener registered by a re-loaded module (dev hot
// reload, tests) is called by a client created before the reload.
const hooks = (store.__mkutanoDbHooks ??= { writes: new Set(), beforeDisconnect: new Set() });

/**
 * PostgreSQL connections per app process. pg's default of 10 starves a webhook burst: group commit
 * (ADR 0003) runs one transaction per meeting of a batch side by side, next to the event store's
 * and the delivery log's writes and the pages' reads. 20 per instance leaves room for several
 * instances, the job worker and the migrator under PostgreSQL's default max_connections of 100.
 */
export const PG_POOL_MAX = 20;

/** Models whose in-process caches must hear about every write (see onDbWrite). */
const WATCHED = "sautikitConnection";
const WRITES = new Set([
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "upsert",
  "delete",
  "deleteMany",
]);

function createHolder(url: string): Holder {
  const target = parseDatabaseUrl(url);
  if (target.kind === "postgres") {
    // The pool is ours so sqlRows can use it too (one pool, not a second connection stack); the
    // adapter still owns its lifetime ($disconnect ends it).
    const pool = new pg.Pool({ connectionString: target.url, max: PG_POOL_MAX });
    const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
    // `.then`, not an async wrapper: one promise fewer per hot-path read (ADR 0024).
    const rows: SqlRows = <T>(sql: string, params: readonly unknown[]) =>
      pool.query({ name: statementName(sql), text: sql, values: [...params], types: PG_TYPES }).then(rowsOf<T>);
    const transaction = async <T>(work: (tx: SqlTx) => Promise<T>): Promise<T> => {
      const conn = await pool.connect();
      // A statement asked for after the transaction ended (a straggler of work that failed) is
      // refused: the connection may already serve someone else's transaction.
      let open = true;
      try {
        await conn.query(BEGIN_SQL);
        const result = await work({
          kind: "sql",
          async rows<R>(sql: string, params: readonly unknown[]) {
            if (!open) throw new Error("The transaction is closed");
            const values = [...params];
            return (await conn.query({ name: statementName(sql), text: sql, values, types: PG_TX_TYPES })).rows as R[];
          },
        });
        open = false;
        await conn.query("COMMIT");
        conn.release();
        return result;
      } catch (error) {
        open = false;
        // pg runs a client's queries in order, so the ROLLBACK follows any statement still in
        // flight. A connection whose ROLLBACK fails is in an unknown state: closed, not pooled.
        await conn.query("ROLLBACK").then(
          () => conn.release(),
          (failed: unknown) => conn.release(failed instanceof Error ? failed : true),
        );
        throw error;
      }
    };
    return { url, client: withWriteHooks(client), close: async () => {}, rows, transaction };
  }
  const purpose = `app pid ${process.pid}: ${process.argv.slice(1).join(" ")}`.slice(0, 200);
  // A data directory is served by a worker thread that owns PGlite (its WebAssembly would otherwise
  // run every statement on the request thread); an in-memory database (tests) stays on this thread.
  const embedded = target.dataDir === null ? openPglite(null, purpose) : openPgliteThread(target.dataDir, purpose);
  // The adapter uses only query/exec/transaction (and a transaction's query/rollback), which the
  // worker's client provides with PGlite's semantics.
  const client = new PrismaClient({ adapter: new PrismaPGlite(embedded.pglite as PGlite) });
  // PGlite runs a query only between transactions (its transaction mutex), like the adapter's own.
  const rows: SqlRows = async <T>(sql: string, params: readonly unknown[]) =>
    (await embedded.pglite.query<T>(sql, [...params], { parsers: { [TIMESTAMP_OID]: utcTimestamp } })).rows;
  // PGlite's own transaction (on the worker: ADR 0027): COMMIT when `work` resolves, ROLLBACK when it
  // throws, every other query waiting for it, as the adapter's transactions do.
  const transaction = <T>(work: (tx: SqlTx) => Promise<T>): Promise<T> =>
    (embedded.pglite as Pick<PGlite, "transaction">).transaction((ptx: PgliteTransaction) =>
      work({
        kind: "sql",
        rows: async <R>(sql: string, params: readonly unknown[]) =>
          (await ptx.query<R>(sql, [...params], { parsers: PGLITE_TX_PARSERS })).rows,
      }),
    );
  return { url, client: withWriteHooks(client), close: embedded.close, rows, transaction };
}

/**
 * sqlRows' statements are few and fixed (the hot paths'), so each runs as a named prepared
 * statement: every pooled connection parses and plans it once instead of on every call (a scratch
 * measurement of the repeat join callback's read, 20 at a time: 172 → 104 µs per statement on a
 * 2-core host shared with PostgreSQL). The name is the text's hash, so two texts never share one.
 */
const statementNames = new Map<string, string>();
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) statementNames.set(sql, (name = `mkutano_${createHash("sha256").update(sql).digest("hex").slice(0, 24)}`));
  return name;
}

const rowsOf = <T>(result: { rows: unknown[] }) => result.rows as T[];

// Prisma's DateTime columns are `timestamp` without a zone, holding UTC; both drivers would read
// them in the process's local zone.
const TIMESTAMP_OID = 1114;
const utcTimestamp = (value: string) => new Date(`${value.replace(" ", "T")}Z`);
/**
 * An instant as the text of a \`timestamp(3)\` value in UTC (the inverse of the parser above): the
 * columns hold UTC, as Prisma writes them, for raw statements that send arrays of text.
 */
export const utcTimestampText = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "");
const PG_TYPES = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID ? utcTimestamp : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};
// Inside sqlTransaction, `bigint` columns read as BigInt, as Prisma's raw queries read them: the
// roster's statements run in either kind of transaction and share their row types.
const INT8_OID = 20;
const PG_TX_TYPES = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID ? BigInt : PG_TYPES.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};
const PGLITE_TX_PARSERS = { [TIMESTAMP_OID]: utcTimestamp, [INT8_OID]: (value: string) => BigInt(value) };
// One round trip opens the transaction. A statement stuck past 20 s (a lock nobody releases) fails
// and rolls the batch back, as Prisma's interactive transactions time out.
const BEGIN_SQL = "BEGIN; SET LOCAL statement_timeout = 20000";

/**
 * Rows of one parameterised SQL statement, run straight on the connections the Prisma driver
 * adapter holds (the pg pool, or the embedded database), outside any transaction and without
 * Prisma's query pipeline. Only for the webhook hot paths where a profile showed that pipeline to be
 * the cost (ADR "hot-path speed"): two reads, and the delivery log's batched insert (a log row, in
 * no transaction). Everything else goes through `db`. Column names come back as written in the SQL.
 */
export function sqlRows<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
  return holder().rows<T>(sql, params);
}

/** One statement inside sqlTransaction's transaction (parameters as in sqlRows). */
export type SqlTx = { readonly kind: "sql"; rows<T>(sql: string, params: readonly unknown[]): Promise<T[]> };
/** Either kind of transaction: Prisma's interactive one, or sqlTransaction's. */
export type AnyTx = Prisma.TransactionClient | SqlTx;

/**
 * A transaction of plain SQL on ONE connection of the adapter's own pool (PostgreSQL: BEGIN …
 * COMMIT on a pooled client, released on every path; embedded: PGlite's transaction), without
 * Prisma's interactive-transaction machinery. COMMIT when `work` resolves, ROLLBACK when it throws.
 * Only for the roster batch of event ingest, where a profile showed Prisma's client runtime to be
 * the largest cost (ADR "hot-path speed"); `bigint` columns read as BigInt, timestamps as UTC.
 */
export function sqlTransaction<T>(work: (tx: SqlTx) => Promise<T>): Promise<T> {
  return holder().transaction(work);
}

export const isSqlTx = (tx: AnyTx): tx is SqlTx => (tx as { kind?: unknown }).kind === "sql";

/** Rows of one parameterised statement inside either kind of transaction. */
export function txRows<T>(tx: AnyTx, sql: string, params: readonly unknown[]): Promise<T[]> {
  return isSqlTx(tx) ? tx.rows<T>(sql, params) : tx.$queryRawUnsafe<T[]>(sql, ...params);
}

/**
 * Thrown when work running in a sqlTransaction needs a step only Prisma runs (rare writes: a new
 * leg, a meeting's status, a job): the caller rolls back and runs the same work in `db.$transaction`.
 */
export class NeedsPrismaError extends Error {
  constructor() {
    super("this step runs only in a Prisma transaction");
    this.name = "NeedsPrismaError";
  }
}

/** The Prisma transaction `tx` is, or NeedsPrismaError when it is a plain SQL one. */
export function prismaTx(tx: AnyTx): Prisma.TransactionClient {
  if (isSqlTx(tx)) throw new NeedsPrismaError();
  return tx;
}

// Every write to a watched model, whoever makes it (settings pages, scripts, tests), tells the
// listeners, so e.g. the cached webhook signing secret never outlives a change made in this process.
function withWriteHooks(client: PrismaClient): PrismaClient {
  const extended = client.$extends({
    query: {
      [WATCHED]: {
        async $allOperations({
          operation,
          args,
          query,
        }: {
          operation: string;
          args: unknown;
          query: (a: unknown) => Promise<unknown>;
        }) {
          try {
            return await query(args);
          } finally {
            // Also after a failure: a write inside a transaction that later rolls back is harmless to forget.
            if (WRITES.has(operation)) for (const listener of hooks.writes) listener("SautikitConnection");
          }
        },
      },
    },
  });
  return extended as unknown as PrismaClient;
}

/** Calls `listener` after every write to SautikitConnection made through this process's client. */
export function onDbWrite(listener: (model: string) => void): () => void {
  hooks.writes.add(listener);
  return () => hooks.writes.delete(listener);
}

/** Runs `hook` (e.g. flushing buffered log rows) before the client is closed; registered once per function. */
export function onBeforeDisconnect(hook: () => Promise<void>): void {
  hooks.beforeDisconnect.add(hook);
}

function holder(): Holder {
  const url = env().DATABASE_URL;
  const current = store.__mkutanoDb;
  if (current?.url === url) return current;
  if (current) {
    // Only tests switch databases inside one process; release the old one rather than leak it.
    void current.client.$disconnect().finally(current.close);
  }
  store.__mkutanoDb = createHolder(url);
  return store.__mkutanoDb;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    // Keeps `await somethingReturning(db)` and similar thenable checks from opening the database.
    if (prop === "then") return undefined;
    const client = holder().client;
    const value: unknown = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
  has(_target, prop) {
    return Reflect.has(holder().client, prop);
  },
});

/** Closes the client (and the embedded database and its lock, if any). Safe to call twice. */
export async function disconnectDb(): Promise<void> {
  const current = store.__mkutanoDb;
  if (!current) return;
  // Buffered writes go out while the client is still open (a hook's failure must not block closing).
  await Promise.allSettled([...hooks.beforeDisconnect].map((hook) => hook()));
  store.__mkutanoDb = undefined;
  try {
    await current.client.$disconnect();
  } finally {
    await current.close();
  }
}
